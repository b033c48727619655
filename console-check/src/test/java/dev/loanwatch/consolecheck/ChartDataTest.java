package dev.loanwatch.consolecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The browser check's comparison must see every way a chart can differ from its answer. */
class ChartDataTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    static final String ANSWER = "{'rows': [{'month': '2024-01', 'nplRatio': 0.012345, 'balance': 100.5},"
            + " {'month': '2024-02', 'nplRatio': 'n/a', 'balance': 0.0}]}";

    @Test
    void anXyChartEqualToItsAnswerHasNoDifference() throws Exception {
        JsonNode binding = json("{'kind': 'xy', 'x': 'month', 'fields': 'nplRatio,balance'}");
        JsonNode option = json("{'xAxis': [{'data': ['2024-01', '2024-02']}], 'series': [{'data': [0.012345, null]}, {'data': [100.5, 0]}]}");
        assertEquals(0, ChartData.differences(binding, option, json(ANSWER)).size());
    }

    @Test
    void aWrongNumberAMadeUpZeroOrAShiftedAxisIsADifference() throws Exception {
        JsonNode binding = json("{'kind': 'xy', 'x': 'month', 'fields': 'nplRatio,balance'}");
        JsonNode wrong = json("{'xAxis': [{'data': ['2024-01', '2024-02']}], 'series': [{'data': [0.012346, null]}, {'data': [100.5, 0]}]}");
        assertEquals(1, ChartData.differences(binding, wrong, json(ANSWER)).size());
        JsonNode zero = json("{'xAxis': [{'data': ['2024-01', '2024-02']}], 'series': [{'data': [0.012345, 0]}, {'data': [100.5, 0]}]}");
        assertEquals(1, ChartData.differences(binding, zero, json(ANSWER)).size());
        JsonNode shifted = json("{'xAxis': [{'data': ['2024-02', '2024-01']}], 'series': [{'data': [0.012345, null]}, {'data': [100.5, 0]}]}");
        assertTrue(ChartData.differences(binding, shifted, json(ANSWER)).size() >= 2);
    }

    @Test
    void pivotAndHeatmapCellsAreComparedOneByOne() throws Exception {
        JsonNode answer = json("{'rows': [{'cohort': '2024-01', 'mob': 0, 'r': 0.1}, {'cohort': '2024-01', 'mob': 1, 'r': 0.2},"
                + " {'cohort': '2024-02', 'mob': 0, 'r': 0.3}]}");
        JsonNode pivot = json("{'kind': 'xy', 'x': 'mob', 'pivot': 'cohort', 'fields': 'r'}");
        JsonNode right = json("{'xAxis': [{'data': ['0', '1']}], 'series': [{'name': '2024-01', 'data': [0.1, 0.2]}, {'name': '2024-02', 'data': [0.3, null]}]}");
        assertEquals(0, ChartData.differences(pivot, right, answer).size());
        JsonNode swapped = json("{'xAxis': [{'data': ['0', '1']}], 'series': [{'name': '2024-01', 'data': [0.3, null]}, {'name': '2024-02', 'data': [0.1, 0.2]}]}");
        assertEquals(4, ChartData.differences(pivot, swapped, answer).size());

        JsonNode heat = json("{'kind': 'heat', 'x': 'to', 'y': 'from', 'v': 's'}");
        JsonNode cells = json("{'rows': [{'from': 'C', 'to': 'C', 's': 0.9}, {'from': 'C', 'to': 'M1', 's': 0.1}]}");
        JsonNode drawn = json("{'xAxis': [{'data': ['C', 'M1']}], 'yAxis': [{'data': ['C']}], 'series': [{'data': [{'value': [0, 0, 0.9]}, {'value': [1, 0, 0.1]}]}]}");
        assertEquals(0, ChartData.differences(heat, drawn, cells).size());
        JsonNode misplaced = json("{'xAxis': [{'data': ['C', 'M1']}], 'yAxis': [{'data': ['C']}], 'series': [{'data': [{'value': [1, 0, 0.9]}, {'value': [0, 0, 0.1]}]}]}");
        assertEquals(2, ChartData.differences(heat, misplaced, cells).size());
    }
}
