package fr.relais.mediation.experience;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PathCodeTest {

    @Test
    void namesTheChannelsInAFixedOrderAndAMediatorAboveAll() {
        assertThat(PathCode.of(Set.of("phone", "portal"), false)).isEqualTo("portal+phone");
        assertThat(PathCode.of(List.of("desk", "system", "portal", "desk"), false)).isEqualTo("portal+desk");
        assertThat(PathCode.of(Set.of("desk"), true)).isEqualTo("mediator");
        assertThat(PathCode.of(Set.of("system"), false)).isNull();
        assertThat(PathCode.ALL).contains(PathCode.of(Set.of("portal", "desk", "phone"), false));
    }
}
