package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A France Services site or a phone platform, as stored (its counters, hours and closures are rows of their own). */
@Entity
@Table(name = "site")
public class SiteEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** Null for a national platform. */
    public String department;

    /** desk or phone */
    public String channel;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "closed_on_public_holidays")
    public boolean closedOnPublicHolidays;
}
