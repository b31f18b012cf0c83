package org.elastos.frontdoor.views.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.elastos.frontdoor.views.AppViewModel;

/** The shell around every section: which section is showing, and the actions its frame offers. */
public final class ShellViewModel {
    private final AppViewModel app;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.HOME);

    public ShellViewModel(AppViewModel app) {
        this.app = app;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public void show(Section next) {
        section.set(next);
    }

    public void lock() {
        app.lock();
    }

    public AppViewModel app() {
        return app;
    }
}
