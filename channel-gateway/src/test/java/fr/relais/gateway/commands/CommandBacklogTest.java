package fr.relais.gateway.commands;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A poll answered from this instance's backlog tells only the command's sender, and only until its outcome is read. */
class CommandBacklogTest {

    private final CommandBacklog backlog = new CommandBacklog();
    private final UUID command = UUID.randomUUID();
    private final UUID journey = UUID.randomUUID();

    @Test
    void theSenderLearnsItsCommandIsStillUndecided() {
        backlog.sent(command, "camille", journey);

        assertThat(backlog.undecidedJourney(command, "camille")).contains(journey);
        assertThat(backlog.size()).isEqualTo(1);
    }

    @Test
    void anotherCallerLearnsNothingFromTheBacklog() {
        backlog.sent(command, "camille", journey);

        assertThat(backlog.undecidedJourney(command, "mohamed")).isEmpty();
        assertThat(backlog.undecidedJourney(command, null)).isEmpty();
    }

    @Test
    void aDecidedCommandIsNoLongerAnsweredFromTheBacklog() {
        backlog.sent(command, "camille", journey);
        backlog.decided(command);

        assertThat(backlog.undecidedJourney(command, "camille")).isEmpty();
        assertThat(backlog.size()).isZero();
    }
}
