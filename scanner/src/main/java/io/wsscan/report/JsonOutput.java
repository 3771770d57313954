package io.wsscan.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;

/**
 * The one way wsscan's machine-readable reports are printed, so that equal input gives equal bytes:
 * two-space indentation, {@code "\n"} line ends (also inside arrays), {@code "key": value}, map
 * entries sorted by key, no {@code null} members, every character outside ASCII escaped (the bytes
 * are then the same in any ASCII-compatible encoding the caller's writer uses), and a final newline.
 */
public final class JsonOutput {

    private JsonOutput() {
    }

    /** A writer over a mapper with the settings above and the given annotation introspector. */
    public static ObjectWriter writer(AnnotationIntrospector introspector) {
        JsonMapper.Builder b = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        if (introspector != null) b.annotationIntrospector(introspector);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return b.build().writer(printer);
    }

    /** Writes {@code value} and a final newline, flushes, and leaves {@code out} open. */
    public static void write(ObjectWriter writer, Object value, Writer out) throws IOException {
        writer.writeValue(out, value);
        out.write('\n');
        out.flush();
    }
}
