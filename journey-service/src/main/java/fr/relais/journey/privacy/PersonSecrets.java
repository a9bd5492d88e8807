package fr.relais.journey.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.ContractJson;
import fr.relais.journey.persistence.PersonEntity;

import javax.crypto.SecretKey;
import java.time.LocalDate;
import java.util.UUID;

/** The personal fields of a person record, sealed together as one JSON value. */
public record PersonSecrets(String givenNames, String familyName, LocalDate birthDate, String phone, String email,
                            String addressLine, String postcode, String city) {

    public static PersonSecrets of(PersonEntity p) {
        return new PersonSecrets(p.givenNames, p.familyName, p.birthDate, p.phone, p.email, p.addressLine, p.postcode, p.city);
    }

    public String seal(SecretKey key, UUID personId) {
        try {
            return DataCipher.seal(ContractJson.mapper().writeValueAsString(this), key, binding(personId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a person record could not be written", e);
        }
    }

    public static PersonSecrets open(String sealed, SecretKey key, UUID personId) {
        try {
            return ContractJson.mapper().readValue(DataCipher.open(sealed, key, binding(personId)), PersonSecrets.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sealed record of person " + personId + " is unreadable", e);
        }
    }

    public void copyTo(PersonEntity p) {
        p.givenNames = givenNames;
        p.familyName = familyName;
        p.birthDate = birthDate;
        p.phone = phone;
        p.email = email;
        p.addressLine = addressLine;
        p.postcode = postcode;
        p.city = city;
    }

    private static String binding(UUID personId) {
        return "person:" + personId;
    }

    @Override
    public String toString() {
        return "PersonSecrets[sealed]";
    }
}
