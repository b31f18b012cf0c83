package org.elastos.frontdoor.box;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Changes in the box's folders, whoever made them (an upload, or a program on the box itself), as JSON events
 * {@code {"type":"created|modified|deleted","path":"Films/x"}} for every device that listens. Temporary upload files
 * are left out. Listeners are called on the feed's own thread and must not block (the box writes each event to a
 * connection that takes it, and drops it for one that has fallen behind).
 */
final class ChangeFeed implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final WatchService watcher;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ChangeFeed(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.watcher = FileSystems.getDefault().newWatchService();
        for (String folder : BoxFolders.FOLDERS) {
            watchTree(this.root.resolve(folder));
        }
        this.thread = new Thread(this::run, "box-changes");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Calls {@code listener} with every change from now on, until the returned handle is run. */
    Runnable listen(Consumer<ObjectNode> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void watchTree(Path start) throws IOException {
        try (Stream<Path> folders = Files.walk(start)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                watched.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), folder);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path folder = watched.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        continue;
                    }
                    Path changed = folder.resolve((Path) event.context());
                    String name = changed.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        watchTree(changed);
                    }
                    String type = event.kind() == StandardWatchEventKinds.ENTRY_CREATE ? "created"
                            : event.kind() == StandardWatchEventKinds.ENTRY_DELETE ? "deleted" : "modified";
                    publish(JSON.createObjectNode().put("type", type)
                            .put("path", root.relativize(changed).toString().replace('\\', '/')));
                }
                if (!key.reset()) {
                    watched.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException | IOException stopped) {
            // The box is closing, or a folder vanished mid-walk; either way the feed ends here.
        }
    }

    private void publish(ObjectNode event) {
        for (Consumer<ObjectNode> listener : listeners) {
            listener.accept(event);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
