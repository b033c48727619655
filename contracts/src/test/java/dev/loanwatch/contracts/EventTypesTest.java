package dev.loanwatch.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loanwatch.contracts.events.v1.ApplicationRecorded;
import dev.loanwatch.contracts.events.v1.BorrowerUpserted;
import dev.loanwatch.contracts.events.v1.LoanOpened;
import dev.loanwatch.contracts.events.v1.LoanRestructured;
import dev.loanwatch.contracts.events.v1.LoanStatusChanged;
import dev.loanwatch.contracts.events.v1.LoanWrittenOff;
import dev.loanwatch.contracts.events.v1.MonthEndSnapshot;
import dev.loanwatch.contracts.events.v1.BorrowerTagged;
import dev.loanwatch.contracts.events.v1.PaymentReceived;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void eachEventTypeIsItsMessageName() {
        assertEquals(BorrowerUpserted.getDescriptor().getName(), EventTypes.BORROWER_UPSERTED);
        assertEquals(LoanOpened.getDescriptor().getName(), EventTypes.LOAN_OPENED);
        assertEquals(LoanWrittenOff.getDescriptor().getName(), EventTypes.LOAN_WRITTEN_OFF);
        assertEquals(LoanRestructured.getDescriptor().getName(), EventTypes.LOAN_RESTRUCTURED);
        assertEquals(PaymentReceived.getDescriptor().getName(), EventTypes.PAYMENT_RECEIVED);
        assertEquals(LoanStatusChanged.getDescriptor().getName(), EventTypes.LOAN_STATUS_CHANGED);
        assertEquals(MonthEndSnapshot.getDescriptor().getName(), EventTypes.MONTH_END_SNAPSHOT);
        assertEquals(BorrowerTagged.getDescriptor().getName(), EventTypes.BORROWER_TAGGED);
        assertEquals(ApplicationRecorded.getDescriptor().getName(), EventTypes.APPLICATION_RECORDED);
    }
}
