package fr.relais.journey.privacy;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The master keys and the identity index, read once from configuration. Static because JPA entity callbacks, which
 * seal and open person records, are no CDI beans.
 */
public final class DataProtection {

    private static volatile DataProtection instance;

    private final MasterKeys masterKeys;
    private final IdentityIndex identityIndex;

    private DataProtection(MasterKeys masterKeys, IdentityIndex identityIndex) {
        this.masterKeys = masterKeys;
        this.identityIndex = identityIndex;
    }

    public static DataProtection get() {
        DataProtection current = instance;
        if (current == null) {
            var config = ConfigProvider.getConfig();
            current = new DataProtection(
                    MasterKeys.parse(config.getValue("relais.data.master-keys", String.class),
                            config.getValue("relais.data.active-master-key", String.class)),
                    new IdentityIndex(config.getValue("relais.data.index-key", String.class)));
            instance = current;
        }
        return current;
    }

    public static MasterKeys masterKeys() {
        return get().masterKeys;
    }

    public static IdentityIndex identityIndex() {
        return get().identityIndex;
    }
}
