package dev.autogen.generator.jpa;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes and reads values made of autogen's own records ({@code Schema}, {@code RenameHints} and everything in them)
 * as compact bytes, so the on-disk caches (the entity models, {@code check}'s in-sync records) can store them. The
 * schema model is records, strings, numbers, booleans, enums, lists, sets and maps only (see DESIGN.md), so one generic,
 * reflective codec covers it and keeps covering it when a record gains a component: no per-type code to forget.
 *
 * <p>Reading is defensive, because a cache file may be truncated, damaged or written by another autogen: only records
 * and enums of autogen's own packages are instantiated (never an arbitrary class named in the file), every record is
 * built through its canonical constructor (so its own validation runs), and any inconsistency is an
 * {@link IOException} that the cache treats as a miss.
 */
public final class RecordCodec {
    private static final String OWN_PACKAGE = "dev.autogen.";
    private static final int MAX_LENGTH = 50_000_000;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte BOOLEAN = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte ENUM = 5;
    private static final byte LIST = 6;
    private static final byte MAP = 7;
    private static final byte RECORD = 8;
    private static final byte SET = 9;

    private RecordCodec() {
    }

    /** The bytes of {@code value}: a record of autogen's packages, or any value the codec supports. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The value {@code bytes} hold, which must be a {@code type}.
     *
     * @throws IOException when the bytes are not a complete, valid encoding of a {@code type}
     */
    public static <T> T decode(byte[] bytes, Class<T> type) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        Object value = read(in);
        if (in.available() != 0 || !type.isInstance(value)) {
            throw new IOException("not an encoded " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(NULL);
            case String text -> {
                out.writeByte(STRING);
                writeText(out, text);
            }
            case Boolean flag -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(flag);
            }
            case Integer number -> {
                out.writeByte(INT);
                out.writeInt(number);
            }
            case Long number -> {
                out.writeByte(LONG);
                out.writeLong(number);
            }
            case Enum<?> constant -> {
                out.writeByte(ENUM);
                writeText(out, ownClass(constant.getDeclaringClass()).getName());
                writeText(out, constant.name());
            }
            case List<?> list -> {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    write(out, item);
                }
            }
            case Set<?> set -> {
                out.writeByte(SET);
                out.writeInt(set.size());
                for (Object item : sorted(set)) {
                    write(out, item);
                }
            }
            case Map<?, ?> map -> {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    write(out, entry.getKey());
                    write(out, entry.getValue());
                }
            }
            case Record record -> {
                out.writeByte(RECORD);
                writeText(out, ownClass(record.getClass()).getName());
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    write(out, component(record, component));
                }
            }
            default -> throw new IllegalArgumentException("the entity-model cache cannot store a "
                    + value.getClass().getName());
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readText(in);
            case BOOLEAN:
                return in.readBoolean();
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case ENUM:
                return enumConstant(ownClass(readText(in)), readText(in));
            case LIST: {
                int size = length(in);
                List<Object> list = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case MAP: {
                int size = length(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                return map;
            }
            case SET: {
                int size = length(in);
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(read(in));
                }
                return set;
            }
            case RECORD:
                return record(ownClass(readText(in)), in);
            default:
                throw new IOException("unknown tag " + tag);
        }
    }

    /** A set's items in their natural order where they have one, so the same set always gives the same bytes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Iterable<?> sorted(Set<?> set) {
        boolean comparable = set.stream().allMatch(item -> item instanceof Comparable);
        return comparable ? new TreeSet<>((Set) set) : set;
    }

    private static Object record(Class<?> type, DataInputStream in) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IOException(type.getName() + " is not a record");
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(in);
            if (types[i].isPrimitive() && values[i] == null) {
                throw new IOException("null for a " + types[i] + " of " + type.getName());
            }
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException | IllegalArgumentException e) {
            throw new IOException("cannot rebuild a " + type.getName() + ": " + e, e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot rebuild a " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) throws IOException {
        if (!type.isEnum()) {
            throw new IOException(type.getName() + " is not an enum");
        }
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("no constant " + name + " in " + type.getName(), e);
        }
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static Class<?> ownClass(Class<?> type) {
        if (!type.getName().startsWith(OWN_PACKAGE)) {
            throw new IllegalArgumentException("the entity-model cache stores autogen's own types only, not "
                    + type.getName());
        }
        return type;
    }

    private static Class<?> ownClass(String name) throws IOException {
        if (!name.startsWith(OWN_PACKAGE)) {
            throw new IOException("a foreign type in the cache: " + name);
        }
        try {
            Class<?> type = Class.forName(name, false, RecordCodec.class.getClassLoader());
            if (!type.isRecord() && !type.isEnum()) {
                throw new IOException("neither a record nor an enum: " + name);
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown type " + name, e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[length(in)];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH || length > in.available()) {
            throw new IOException("bad length " + length);
        }
        return length;
    }
}
