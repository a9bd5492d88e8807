package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A procedure step a motif serves: 'procedure/step' (wildcards, '*' and 'procedure/*', serve nothing since V6). */
@Entity
@Table(name = "motif_step")
@IdClass(MotifStepEntity.Key.class)
public class MotifStepEntity extends PanacheEntityBase {

    @Id
    @Column(name = "motif_id")
    public String motifId;

    @Id
    public String step;

    public static class Key implements Serializable {
        public String motifId;
        public String step;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(motifId, k.motifId) && Objects.equals(step, k.step);
        }

        @Override
        public int hashCode() {
            return Objects.hash(motifId, step);
        }
    }
}
