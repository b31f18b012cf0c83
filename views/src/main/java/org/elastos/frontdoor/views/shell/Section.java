package org.elastos.frontdoor.views.shell;

/** The places in the app, in the order the navigation shows them. */
public enum Section {
    HOME("\u2302"), PAIR("\u29c9"), STORE("\u25a4"), LIBRARY("\u25b6"), VENDING("\u25a3"), EARNINGS("\u2197"), SETTINGS("\u2699");

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
