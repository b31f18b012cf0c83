package org.elastos.frontdoor.views.shell;

/** The places in the app, in the order the navigation shows them, each with an outline icon on a 24-unit grid. */
public enum Section {
    HOME("M3 11 L12 3 L21 11 M5 9.5 V21 H10 V15 H14 V21 H19 V9.5"),
    PAIR("M3 3h7v7H3z M14 3h7v7h-7z M3 14h7v7H3z M14 14h3 M14 17.5h3 M14 21h7 M20.5 14v4"),
    STORE("M4 8h16l-1.5 13h-13z M9 8V6a3 3 0 0 1 6 0v2"),
    LIBRARY("M3 5h18v14H3z M10 9l5 3-5 3z"),
    VENDING("M5 3h14v18H5z M8 6h5v9H8z M16 6v2 M16 11v2 M8 18h8"),
    EARNINGS("M3 20h18 M6 16v-4 M11 16V9 M16 16V6 M20 3l-4 3"),
    SETTINGS("M4 6h10 M18 6h2 M4 12h4 M12 12h8 M4 18h12 M16 4v4 M10 10v4 M18 16v4");

    /** The padlock shown on the Lock action. */
    public static final String LOCK_ICON = "M6 11h12v10H6z M8.5 11V8a3.5 3.5 0 0 1 7 0v3";

    private final String icon;

    Section(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String id() {
        return "nav-" + name().toLowerCase();
    }
}
