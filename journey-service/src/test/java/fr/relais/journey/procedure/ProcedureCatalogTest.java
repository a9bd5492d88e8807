package fr.relais.journey.procedure;

import fr.relais.events.channel.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcedureCatalogTest {

    private static final ProcedureCatalog CATALOG = ProcedureCatalog.loadFromClasspath();

    private static List<String> stepIds(ProcedureDefinition definition) {
        return definition.steps().stream().map(StepDefinition::id).toList();
    }

    @Test
    void shipsTheDemoProcedures() {
        assertEquals(List.of("cni-renouvellement", "aide-logement", "changement-adresse", "procuration-vote"),
                CATALOG.currentAll().stream().map(ProcedureDefinition::id).toList());
        assertEquals(5, CATALOG.all().size());
    }

    @Test
    void cniRenouvellementAsInTheDemoData() {
        ProcedureDefinition cni = CATALOG.version("cni-renouvellement", 1).orElseThrow();
        assertEquals("Renouvellement de carte nationale d'identité", cni.title());
        assertEquals(List.of("identite", "formulaire", "justificatifs", "rdv-biometrie", "remise"), stepIds(cni));
        assertEquals(Set.of(Channel.PORTAL, Channel.PHONE, Channel.DESK), cni.step("identite").channels());
        assertEquals(Set.of(Channel.PORTAL, Channel.DESK), cni.step("formulaire").channels());
        assertEquals(Set.of(Channel.PORTAL, Channel.DESK), cni.step("justificatifs").channels());
        for (String desk : List.of("rdv-biometrie", "remise")) {
            StepDefinition step = cni.step(desk);
            assertEquals(Set.of(Channel.DESK), step.channels());
            assertTrue(step.presenceRequired() && step.appointmentRequired(), desk);
        }
        assertFalse(cni.step("identite").presenceRequired());
        assertEquals(Duration.ofMinutes(10), cni.step("formulaire").expectedDuration());

        assertEquals(List.of("nom", "prenoms", "date-naissance", "commune-naissance"),
                cni.step("identite").fields().stream().map(FieldDefinition::name).toList());
        FieldDefinition birth = cni.checkField().orElseThrow();
        assertEquals("date-naissance", birth.name());
        assertEquals(FieldType.DATE, birth.type());
        assertEquals("identite", cni.checkStep().orElseThrow().id());

        FieldDefinition postcode = cni.step("formulaire").field("code-postal");
        assertEquals("^[0-9]{5}$", postcode.pattern());
        assertEquals(List.of("renouvellement-expiration", "perte", "vol", "changement-etat-civil"),
                cni.step("formulaire").field("motif").options());
        assertEquals(FieldType.DOCUMENT, cni.step("justificatifs").field("photo-identite").type());
        assertEquals(FieldType.DOCUMENT, cni.step("justificatifs").field("justificatif-domicile").type());
        assertEquals(List.of("oui"), cni.step("rdv-biometrie").field("empreintes-relevees").options());
        assertEquals(List.of("oui"), cni.step("remise").field("piece-remise").options());
    }

    @Test
    void aideLogementAndChangementAdresseAsInTheDemoData() {
        ProcedureDefinition aide = CATALOG.current("aide-logement").orElseThrow();
        assertEquals(List.of("situation", "logement", "ressources", "justificatifs", "validation"), stepIds(aide));
        assertEquals(Set.of(Channel.PORTAL, Channel.PHONE, Channel.DESK), aide.step("situation").channels());
        assertEquals(Set.of(Channel.PORTAL, Channel.PHONE, Channel.DESK), aide.step("logement").channels());
        for (String id : List.of("ressources", "justificatifs", "validation")) {
            assertEquals(Set.of(Channel.PORTAL, Channel.DESK), aide.step(id).channels(), id);
        }
        assertTrue(aide.step("ressources").fields().stream().allMatch(f -> f.type() == FieldType.NUMBER));
        assertTrue(aide.step("justificatifs").fields().stream().allMatch(f -> f.type() == FieldType.DOCUMENT));
        assertTrue(aide.checkField().isPresent());

        ProcedureDefinition adresse = CATALOG.current("changement-adresse").orElseThrow();
        assertEquals("Déclaration de changement d'adresse", adresse.title());
        assertEquals(List.of("identite", "nouvelle-adresse", "organismes", "confirmation"), stepIds(adresse));
        for (StepDefinition step : adresse.steps()) {
            assertEquals(Set.of(Channel.PORTAL, Channel.PHONE, Channel.DESK), step.channels(), step.id());
        }
        assertTrue(adresse.checkField().isPresent());
    }

    @Test
    void currentIsTheHighestVersionAndOlderOnesStayPinnable() {
        assertEquals(2, CATALOG.current("cni-renouvellement").orElseThrow().version());
        ProcedureDefinition v1 = CATALOG.version("cni-renouvellement", 1).orElseThrow();
        ProcedureDefinition v2 = CATALOG.version("cni-renouvellement", 2).orElseThrow();
        assertNull(v1.step("formulaire").field("complement-adresse"));
        assertFalse(v2.step("formulaire").field("complement-adresse").required());
        assertTrue(CATALOG.version("cni-renouvellement", 3).isEmpty());
        assertTrue(CATALOG.current("permis-de-chasse").isEmpty());
        assertTrue(CATALOG.version("permis-de-chasse", 1).isEmpty());
    }

    @Test
    void stepNavigation() {
        ProcedureDefinition cni = CATALOG.current("cni-renouvellement").orElseThrow();
        assertEquals("identite", cni.first().id());
        assertEquals("formulaire", cni.after("identite").orElseThrow().id());
        assertTrue(cni.after("remise").isEmpty());
        assertTrue(cni.after("inconnue").isEmpty());
        assertNull(cni.step("inconnue"));
        assertTrue(cni.isLast("remise"));
        assertEquals(3, cni.indexOf("rdv-biometrie"));
    }

    @Test
    void everyShippedFieldHasAFrenchLabelAndEveryChoiceOptions() {
        for (ProcedureDefinition definition : CATALOG.all()) {
            for (StepDefinition step : definition.steps()) {
                assertFalse(step.title().equals(step.id()), step.id() + " has a title");
                assertTrue(step.expectedDuration().compareTo(Duration.ZERO) > 0);
                for (FieldDefinition field : step.fields()) {
                    assertFalse(field.label().equals(field.name()), field.name() + " has a label");
                    assertEquals(field.type() == FieldType.CHOICE, !field.options().isEmpty(), field.name());
                }
            }
        }
    }

    @Test
    void loadsAnotherRootWithVersions() {
        ProcedureCatalog catalog = ProcedureCatalog.loadFromClasspath("procedures-invalid/index-ok");
        assertEquals(2, catalog.current("essai").orElseThrow().version());
        assertEquals(1, catalog.version("essai", 1).orElseThrow().version());
    }

    @Test
    void indexProblemsNameTheIndexOrTheFile() {
        assertEquals("procedures-invalid/index-missing-file/index.txt line 3: listed file 'nope/v1.yaml' not found on the classpath",
                assertThrows(ProcedureDefinitionException.class,
                        () -> ProcedureCatalog.loadFromClasspath("procedures-invalid/index-missing-file")).getMessage());
        assertEquals("procedures-invalid/index-bad/essai/v1.yaml: at /steps/1/fields/0/type (line 21): "
                        + "expected a field type: text, date, number, choice or document (format: procedures/procedure.schema.json)",
                assertThrows(ProcedureDefinitionException.class,
                        () -> ProcedureCatalog.loadFromClasspath("procedures-invalid/index-bad")).getMessage());
        assertEquals("procedures-invalid/index-duplicate/essai/v1.yaml: duplicate procedure essai v1 "
                        + "(also in procedures-invalid/index-duplicate/essai/v1.yaml)",
                assertThrows(ProcedureDefinitionException.class,
                        () -> ProcedureCatalog.loadFromClasspath("procedures-invalid/index-duplicate")).getMessage());
        assertEquals("procedures-invalid/index-empty/index.txt: lists no procedure file",
                assertThrows(ProcedureDefinitionException.class,
                        () -> ProcedureCatalog.loadFromClasspath("procedures-invalid/index-empty")).getMessage());
        assertEquals("procedures-invalid/nothing-here/index.txt: not found on the classpath",
                assertThrows(ProcedureDefinitionException.class,
                        () -> ProcedureCatalog.loadFromClasspath("procedures-invalid/nothing-here")).getMessage());
    }

    @Test
    void ofRejectsDuplicateVersions() {
        ProcedureDefinition v1 = CATALOG.version("cni-renouvellement", 1).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> ProcedureCatalog.of(List.of(v1, v1)));
        assertEquals(v1, ProcedureCatalog.of(List.of(v1)).current("cni-renouvellement").orElseThrow());
    }
}
