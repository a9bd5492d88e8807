package fr.relais.events;

import fr.relais.events.appointment.AppointmentEvent;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.events.notification.NotificationEvent;
import fr.relais.events.journey.SubmitStep;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractRegistryTest {

    @Test
    void everyRegisteredTypeHasASampleAndEverySampleIsRegistered() {
        Contracts.all().forEach(contract -> Samples.of(contract.payloadClass()));
        Samples.all().forEach(sample -> assertTrue(Contracts.find(sample.getClass()).isPresent(),
                "sample of an unregistered class: " + sample.getClass().getName()));
    }

    @Test
    void everyRegisteredTypeHasASchemaFile() {
        for (Contract contract : Contracts.all()) {
            assertNotNull(Contracts.class.getResource(contract.schemaPath()),
                    "schema file missing for " + contract.type() + ": " + contract.schemaPath());
        }
    }

    @Test
    void everySchemaFileBelongsToARegisteredType() throws URISyntaxException, IOException {
        Path dir = Path.of(Contracts.class.getResource("/schemas").toURI());
        Set<String> registered = Contracts.all().stream().map(c -> c.type() + ".json").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).forEach(name ->
                    assertTrue(registered.contains(name), "schema of no registered type: " + name));
        }
    }

    @Test
    void typesAreUniqueAndFollowTheNamingPattern() {
        List<String> types = Contracts.all().stream().map(Contract::type).toList();
        assertEquals(types.size(), new HashSet<>(types).size(), "duplicate types in " + types);
        types.forEach(type -> assertTrue(Contracts.TYPE_PATTERN.matcher(type).matches(), "bad type name: " + type));
        assertEquals(types.size(), Contracts.all().stream().map(Contract::payloadClass).distinct().count());
    }

    @Test
    void typeNamesOfTheBriefAreTheOnesRegistered() {
        assertEquals("relais.journey.step-completed.v1", Contracts.typeOf(StepCompleted.class));
        assertEquals("relais.journey.command.submit-step.v1", Contracts.typeOf(SubmitStep.class));
        assertEquals("relais.channel.touchpoint.v1", Contracts.typeOf(Touchpoint.class));
        assertEquals("/schemas/relais.journey.step-completed.v1.json",
                Contracts.find(StepCompleted.class).orElseThrow().schemaPath());
    }

    @Test
    void lookupWorksBothWays() {
        for (Contract contract : Contracts.all()) {
            assertEquals(contract.type(), Contracts.typeOf(contract.payloadClass()));
            assertEquals(contract.payloadClass(), Contracts.classOf(contract.type()));
        }
    }

    @Test
    void unknownTypesAndClassesAreReportedNotGuessed() {
        assertTrue(Contracts.find("relais.journey.step-completed.v9").isEmpty());
        assertTrue(Contracts.find(String.class).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Contracts.classOf("relais.journey.nothing.v1"));
        assertThrows(IllegalArgumentException.class, () -> Contracts.typeOf(Object.class));
    }

    /** Sealed interfaces list every command and event: none may be left out of the registry. */
    @Test
    void everyCommandAndEventIsRegisteredOnItsTopic() {
        assertRegisteredOn(JourneyCommand.class.getPermittedSubclasses(), Topics.JOURNEY_COMMANDS);
        assertRegisteredOn(JourneyEvent.class.getPermittedSubclasses(), Topics.JOURNEY_EVENTS);
        assertRegisteredOn(AppointmentEvent.class.getPermittedSubclasses(), Topics.APPOINTMENT_EVENTS);
        assertRegisteredOn(MediationEvent.class.getPermittedSubclasses(), Topics.MEDIATION_EVENTS);
        assertRegisteredOn(NotificationEvent.class.getPermittedSubclasses(), Topics.NOTIFICATION_EVENTS);
        assertEquals(Topics.JOURNEY_OUTCOMES, Contracts.find(CommandOutcome.class).orElseThrow().topic());
        assertEquals(Topics.CHANNEL_TOUCHPOINTS, Contracts.find(Touchpoint.class).orElseThrow().topic());
        assertEquals(JourneyCommand.class.getPermittedSubclasses().length
                + JourneyEvent.class.getPermittedSubclasses().length
                + AppointmentEvent.class.getPermittedSubclasses().length
                + MediationEvent.class.getPermittedSubclasses().length
                + NotificationEvent.class.getPermittedSubclasses().length + 2, Contracts.all().size());
    }

    @Test
    void everyPayloadIsJourneyScopedSoItsKeyIsTheJourneyId() {
        for (Object sample : Samples.all()) {
            assertTrue(sample instanceof JourneyScoped, sample.getClass() + " has no journey id to key on");
            assertEquals(Samples.JOURNEY.toString(), ((JourneyScoped) sample).kafkaKey());
        }
    }

    private static void assertRegisteredOn(Class<?>[] classes, String topic) {
        Arrays.stream(classes).forEach(c -> assertEquals(topic,
                Contracts.find(c).orElseThrow(() -> new AssertionError("not registered: " + c.getName())).topic()));
    }
}
