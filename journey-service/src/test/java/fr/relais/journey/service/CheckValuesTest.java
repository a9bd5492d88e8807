package fr.relais.journey.service;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckValuesTest {

    @Test
    void isoAndFrenchDayFirstFormsAreTheSameBirthDate() {
        for (String typed : new String[]{"1984-03-12", " 1984-03-12 ", "12/03/1984", "12/3/1984", "12-03-1984",
                "12.03.1984", "12 03 1984"}) {
            assertEquals(Optional.of("1984-03-12"), CheckValues.birthDate(typed), typed);
        }
        assertEquals(Optional.of("1951-11-02"), CheckValues.birthDate("2/11/1951"));
    }

    @Test
    void aYearAloneOrAnImpossibleDateIsNoCheckValue() {
        for (String typed : new String[]{null, "", "1984", "84-03-12", "12/03/84", "1984/03/12", "12/03-1984",
                "31/02/1984", "12/13/1984", "1984-3-12", "19840312", "12031984", "douze mars 1984"}) {
            assertEquals(Optional.empty(), CheckValues.birthDate(typed), typed);
        }
    }
}
