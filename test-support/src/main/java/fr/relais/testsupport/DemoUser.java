package fr.relais.testsupport;

/** The demo users of ../shared/DEMO-DATA.md that tests act as. */
public enum DemoUser {
    CAMILLE("camille"),
    MOHAMED("mohamed"),
    PAUL("paul"),
    AGNES("agnes"),
    GILLES("gilles"),
    SOFIANE("sofiane"),
    MAYA("maya"),
    MARC("marc"),
    OLGA("olga"),
    ADA("ada"),
    INES("ines");

    public static final String PASSWORD = "relais-demo";

    private final String username;

    DemoUser(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }
}
