/*
 * Copyright 2025 the wsscan authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.wsscan.engine;

import io.wsscan.findings.Notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files of a type no analyser reads that still use WebSockets or {@code postMessage} (a CoffeeScript
 * client, a Python server, a template language wsscan does not know): such a file is listed as
 * "not analysed: unsupported type", never dropped in silence. The check is cheap and bounded: types
 * that are never code (images, archives, fonts, documentation, data, source maps) and dotfiles (tool
 * configuration) and build files ({@code pom.xml}, {@code build.gradle}: dependencies, not code) are not
 * opened, files over {@link #MAX_BYTES} are not read, and a file with a NUL
 * byte near its start is binary.
 */
final class UnsupportedTypes {

    /** The notification kind. */
    static final String KIND = "unsupported-type";
    /** Larger files are not searched (a bundle of an unknown type is not worth the read). */
    static final long MAX_BYTES = 1024 * 1024;

    /** WebSocket or postMessage use, as text: the API names and the common client constructors. */
    private static final Pattern USE = Pattern.compile("WebSocket|postMessage|new\\s+SockJS\\b|\\bio\\(|\\bio\\.connect\\(");
    /** Extensions of files that are not code: never opened. */
    private static final Set<String> NOT_CODE = Set.of(("png jpg jpeg gif ico icns webp bmp tif tiff avif heic svgz psd "
            + "woff woff2 ttf otf eot zip gz tgz bz2 xz zst 7z rar jar war ear aar class so dll dylib exe bin obj o a lib "
            + "pdf doc docx xls xlsx ppt pptx odt mp3 mp4 m4a webm ogg ogv wav flac mov avi mkv wasm node pyc pyo "
            + "md markdown mdx txt text rst adoc asciidoc org rtf tex man 1 map lock log csv tsv json json5 jsonc sarif "
            + "yml yaml toml ini cfg conf properties env sum mod snap patch diff po pot xlf sql db sqlite "
            + "license licence gitignore gitattributes npmignore editorconfig prettierrc eslintignore").split(" "));
    /** File-name stems of documentation without an extension ({@code README}, {@code LICENSE}). */
    private static final Pattern DOC_NAME = Pattern.compile(
            "(?i)(readme|license|licence|copying|changelog|changes|history|authors|contributors|contributing|notice|"
                    + "security|code_of_conduct|todo|makefile|dockerfile)([.-].*)?");

    /**
     * Build files: they name WebSocket libraries as dependencies ({@code spring-boot-starter-websocket},
     * {@code Java-WebSocket}), which says nothing about code left unread.
     */
    private static final Pattern BUILD_NAME = Pattern.compile(
            "pom\\.xml|.*\\.pom|(build|settings)\\.gradle(\\.kts)?|build\\.sbt|ivy\\.xml|build\\.xml|project\\.clj|"
                    + "deps\\.edn|Gemfile|Pipfile|requirements.*\\.txt|setup\\.py|setup\\.cfg|pyproject\\.toml|Cargo\\.toml|go\\.mod|"
                    + ".*\\.csproj|packages\\.config|composer\\.json|Podfile|pubspec\\.yaml|mix\\.exs|rebar\\.config");

    private UnsupportedTypes() {
    }

    /** A note for a file no analyser reads when it uses WebSockets or postMessage; null otherwise. */
    static Notification check(Path file, String rel, long size) {
        if (size <= 0 || size > MAX_BYTES || skippedByName(rel)) return null;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES);
        } catch (IOException e) {
            return null; // it would not have been analysed anyway; reading it is not the point
        }
        int sniff = Math.min(bytes.length, Discovery.BINARY_SNIFF);
        for (int i = 0; i < sniff; i++) {
            if (bytes[i] == 0) return null;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher m = USE.matcher(text);
        if (!m.find()) return null;
        // a report saved without an extension mentions WebSocket in every finding
        Notification report = OwnReports.note(rel, text);
        if (report != null) return report;
        String use = m.group().startsWith("io") ? "socket.io" : m.group().replaceAll("\\s+", " ");
        return new Notification(rel, 0, 0, KIND, "not analysed: unsupported type (" + typeOf(rel)
                + "), but it uses " + use);
    }

    /** True for names never searched: types that are not code, documentation named without an extension, build files. */
    static boolean skippedByName(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot >= 0 && NOT_CODE.contains(lower.substring(dot + 1))) return true;
        if (dot == 0) return true; // a dotfile without another extension is tool configuration (.jshintrc, .babelrc)
        return DOC_NAME.matcher(name).matches() || BUILD_NAME.matcher(name).matches();
    }

    private static String typeOf(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "no extension" : name.substring(dot);
    }
}
