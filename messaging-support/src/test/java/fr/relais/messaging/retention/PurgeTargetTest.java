package fr.relais.messaging.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurgeTargetTest {

    @Test
    void aBatchDeletesAtMostItsSizeOfRowsOlderThanTheRetentionThatMeetTheCondition() {
        assertThat(new PurgeTarget("outbox", "published_at", null, Duration.ofDays(7)).deleteBatch(5000))
                .isEqualTo("delete from outbox where ctid = any(array(select ctid from outbox"
                        + " where published_at < now() - make_interval(secs => $1) limit 5000))");
        assertThat(new PurgeTarget("job", "done_at", "status = 'DONE'", Duration.ofDays(1)).deleteBatch(10))
                .contains("where done_at < now() - make_interval(secs => $1) and (status = 'DONE') limit 10");
    }

    @Test
    void namesMustBeIdentifiersAndTheRetentionPositive() {
        assertThatThrownBy(() -> new PurgeTarget("outbox; drop table x", "published_at", null, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurgeTarget("outbox", "published_at", null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
