package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The value a caller must give with the resume code: the citizen's full birth date, ISO ({@code 1984-03-12}). */
@Entity
@Table(name = "journey_check_value")
public class CheckValueEntity extends PanacheEntityBase {

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "check_value")
    public String checkValue;

    public static String binding(UUID journeyId) {
        return "check:" + journeyId;
    }
}
