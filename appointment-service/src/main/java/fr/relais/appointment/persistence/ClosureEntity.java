package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A whole day a site is closed besides weekends and public holidays. */
@Entity
@Table(name = "closure")
@IdClass(ClosureEntity.Key.class)
public class ClosureEntity extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Id
    public LocalDate day;

    public String reason;

    public static class Key implements Serializable {
        public String siteId;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(siteId, k.siteId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteId, day);
        }
    }
}
