package org.elastos.frontdoor.capsule;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a capsule compiled to JVM bytecode at build time costs the JIT: HotSpot leaves a method of more than
 * {@value #HUGE_METHOD} bytes of bytecode to the interpreter ({@code -XX:HugeMethodLimit}, on by default), so a
 * capsule whose C inlined into one long function runs several times slower without any error. Chicory writes each
 * WebAssembly function as one method of the module's {@code MachineFuncGroup_N} classes; this reads their class
 * files and measures every method's code.
 */
public final class JitLimit {
    /** HotSpot's HugeMethodLimit: longer methods are never compiled. */
    public static final int HUGE_METHOD = 8000;

    private JitLimit() {
    }

    /** Each method's bytecode length in the compiled module named {@code module} (as given to Chicory's plugin), by name. */
    public static Map<String, Integer> methodLengths(String module) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        ClassLoader loader = JitLimit.class.getClassLoader();
        for (int group = 0; ; group++) {
            String resource = module.replace('.', '/') + "MachineFuncGroup_" + group + ".class";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    if (group == 0) {
                        throw new IllegalArgumentException("no compiled module " + module + " on the class path");
                    }
                    return lengths;
                }
                read(new DataInputStream(new ByteArrayInputStream(in.readAllBytes())), "group " + group + ".", lengths);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The class file format (JVMS 4): the constant pool is read only for the names of methods and of the Code attribute. */
    private static void read(DataInputStream in, String prefix, Map<String, Integer> lengths) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        in.skipBytes(6);
        in.skipBytes(2 * in.readUnsignedShort());
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.skipBytes(2);
            String name = utf8[in.readUnsignedShort()];
            in.skipBytes(2);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("Code".equals(attribute)) {
                    in.skipBytes(4);
                    int code = in.readInt();
                    lengths.put(prefix + name, code);
                    in.skipBytes(length - 8);
                } else {
                    in.skipBytes(length);
                }
            }
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
