package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A site that offers a motif. */
@Entity
@Table(name = "motif_site")
@IdClass(MotifSiteEntity.Key.class)
public class MotifSiteEntity extends PanacheEntityBase {

    @Id
    @Column(name = "motif_id")
    public String motifId;

    @Id
    @Column(name = "site_id")
    public String siteId;

    public static class Key implements Serializable {
        public String motifId;
        public String siteId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(motifId, k.motifId) && Objects.equals(siteId, k.siteId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(motifId, siteId);
        }
    }
}
