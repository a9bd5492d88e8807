package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an appointment is for, with its duration and booking rules, as stored. */
@Entity
@Table(name = "motif")
public class MotifEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String title;

    /** desk or phone */
    public String channel;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Column(name = "min_notice_minutes")
    public int minNoticeMinutes;

    @Column(name = "max_horizon_minutes")
    public int maxHorizonMinutes;
}
