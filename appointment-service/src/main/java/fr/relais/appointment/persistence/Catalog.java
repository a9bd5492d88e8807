package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Site;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sites and motifs as stored, read in one go (a few dozen rows). */
public record Catalog(Map<String, Site> sites, Map<String, Motif> motifs) {

    public Optional<Site> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    public Optional<Motif> motif(String id) {
        return Optional.ofNullable(motifs.get(id));
    }

    public List<Site> sitesInDepartment(String department) {
        return sites.values().stream().filter(s -> department.equals(s.department())).toList();
    }
}
