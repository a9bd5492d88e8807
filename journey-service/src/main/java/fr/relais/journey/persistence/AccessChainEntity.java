package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Where the next entry of an access-log chain goes; locked by its writer. The verifier does not trust it. */
@Entity
@Table(name = "access_chain")
public class AccessChainEntity extends PanacheEntityBase {

    @Id
    @Column(name = "chain_id")
    public UUID chainId;

    public long length;

    @Column(name = "head_hash")
    public byte[] headHash;
}
