package dev.loanwatch.trainer;

/** The trainer's command line (filled in as the trainer is built). */
public final class Train {
    private Train() {
    }

    public static void main(String[] args) {
        System.out.println("loanwatch trainer");
    }
}
