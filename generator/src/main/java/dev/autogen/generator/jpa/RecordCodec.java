package dev.autogen.generator.jpa;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>Each type name and each string is written once per value and referred to by its number afterwards: a schema
 * repeats a few record types and many names (column names, referenced tables) tens of thousands of times, and reading
 * a name back once instead of per use is most of what makes a cached model of a thousand tables quick to read.
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
            new Writer(out).write(value);
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
        Object value = new Reader(in).read();
        if (in.available() != 0 || !type.isInstance(value)) {
            throw new IOException("not an encoded " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /** One value being written: the numbers given so far to type names and strings. */
    private record Writer(DataOutputStream out, Map<String, Integer> numbers) {
        Writer(DataOutputStream out) {
            this(out, new HashMap<>());
        }

        void write(Object value) throws IOException {
            switch (value) {
                case null -> out.writeByte(NULL);
                case String text -> {
                    out.writeByte(STRING);
                    writeText(text);
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
                    writeText(ownClass(constant.getDeclaringClass()).getName());
                    writeText(constant.name());
                }
                case List<?> list -> {
                    out.writeByte(LIST);
                    out.writeInt(list.size());
                    for (Object item : list) {
                        write(item);
                    }
                }
                case Set<?> set -> {
                    out.writeByte(SET);
                    out.writeInt(set.size());
                    for (Object item : sorted(set)) {
                        write(item);
                    }
                }
                case Map<?, ?> map -> {
                    out.writeByte(MAP);
                    out.writeInt(map.size());
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        write(entry.getKey());
                        write(entry.getValue());
                    }
                }
                case Record record -> {
                    out.writeByte(RECORD);
                    RecordShape shape = RecordShape.of(ownClass(record.getClass()));
                    writeText(shape.type().getName());
                    for (int i = 0; i < shape.size(); i++) {
                        write(shape.component(record, i));
                    }
                }
                default -> throw new IllegalArgumentException("the entity-model cache cannot store a "
                        + value.getClass().getName());
            }
        }

        /** A text's number, followed by the text itself the first time it is written. */
        private void writeText(String text) throws IOException {
            Integer known = numbers.get(text);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            int number = numbers.size();
            numbers.put(text, number);
            out.writeInt(number);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** One value being read: the type names and strings met so far, by number. */
    private record Reader(DataInputStream in, List<String> texts, Map<String, Class<?>> types) {
        Reader(DataInputStream in) {
            this(in, new ArrayList<>(), new HashMap<>());
        }

        Object read() throws IOException {
            byte tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING:
                    return readText();
                case BOOLEAN:
                    return in.readBoolean();
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case ENUM:
                    return enumConstant(ownType(), readText());
                case LIST: {
                    int size = length();
                    List<Object> list = new ArrayList<>(Math.min(size, 1024));
                    for (int i = 0; i < size; i++) {
                        list.add(read());
                    }
                    return list;
                }
                case MAP: {
                    int size = length();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        map.put(read(), read());
                    }
                    return map;
                }
                case SET: {
                    int size = length();
                    Set<Object> set = new LinkedHashSet<>();
                    for (int i = 0; i < size; i++) {
                        set.add(read());
                    }
                    return set;
                }
                case RECORD: {
                    RecordShape shape = RecordShape.of(ownType());
                    Object[] values = new Object[shape.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = read();
                    }
                    return shape.construct(values);
                }
                default:
                    throw new IOException("unknown tag " + tag);
            }
        }

        /** A record or enum type of autogen's own, named by the next text: never a foreign class. */
        private Class<?> ownType() throws IOException {
            String name = readText();
            Class<?> type = types.get(name);
            if (type == null) {
                type = ownClass(name);
                types.put(name, type);
            }
            return type;
        }

        private String readText() throws IOException {
            int number = in.readInt();
            if (number >= 0 && number < texts.size()) {
                return texts.get(number);
            }
            if (number != texts.size()) {
                throw new IOException("bad text number " + number);
            }
            byte[] utf8 = new byte[length()];
            in.readFully(utf8);
            String text = new String(utf8, StandardCharsets.UTF_8);
            texts.add(text);
            return text;
        }

        private int length() throws IOException {
            int length = in.readInt();
            if (length < 0 || length > MAX_LENGTH || length > in.available()) {
                throw new IOException("bad length " + length);
            }
            return length;
        }
    }

    /** A set's items in their natural order where they have one, so the same set always gives the same bytes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Iterable<?> sorted(Set<?> set) {
        boolean comparable = set.stream().allMatch(item -> item instanceof Comparable);
        return comparable ? new TreeSet<>((Set) set) : set;
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
}
