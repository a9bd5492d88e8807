package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;

/** One weekly opening period of a site, local wall-clock time; ISO day of week (1 = Monday). */
@Entity
@Table(name = "opening_period")
@IdClass(OpeningPeriodEntity.Key.class)
public class OpeningPeriodEntity extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Id
    @Column(name = "day_of_week")
    public short dayOfWeek;

    @Id
    public LocalTime opens;

    public LocalTime closes;

    public static class Key implements Serializable {
        public String siteId;
        public short dayOfWeek;
        public LocalTime opens;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && dayOfWeek == k.dayOfWeek && Objects.equals(siteId, k.siteId) && Objects.equals(opens, k.opens);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteId, dayOfWeek, opens);
        }
    }
}
