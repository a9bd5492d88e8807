package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A counter of a site, or a line of a phone platform: one appointment at a time. */
@Entity
@Table(name = "counter")
public class CounterEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "site_id")
    public String siteId;

    public String label;
}
