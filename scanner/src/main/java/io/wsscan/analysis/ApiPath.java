package io.wsscan.analysis;

/** Builds the access paths that API models are written in ({@code Global[WebSocket].Instance}). */
final class ApiPath {
    /** The global object itself ({@code window}, {@code self}, {@code globalThis}). */
    static final String GLOBAL = "Global";
    /** The specifier of a dynamic {@code import(x)}. */
    static final String IMPORT_ARGUMENT = "Global[import].Argument[0]";

    private ApiPath() {
    }

    static String global(String name) {
        return "Global[" + name + "]";
    }

    static String module(String specifier) {
        return "Module[" + specifier + "]";
    }

    static String type(String type) {
        return "Type[" + type + "]";
    }

    static boolean isType(String path) {
        return path.startsWith("Type[");
    }

    static String member(String path, String name) {
        return path + ".Member[" + name + "]";
    }

    static String anyMember(String path) {
        return path + ".Member[*]";
    }

    static String parameter(String path, int k) {
        return path + ".Parameter[" + k + "]";
    }

    static String argument(String path, int i) {
        return path + ".Argument[" + i + "]";
    }

    /** Argument {@code k} and every one after it. */
    static String argumentsFrom(String path, int k) {
        return path + ".Argument[" + k + "..]";
    }

    /**
     * The callee when argument {@code j} is the constant {@code value} ({@code addEventListener('message')});
     * {@code j} may name an option of an options argument ({@code 1.targetOrigin}).
     */
    static String whenArgument(String path, String j, String value) {
        return path + ".WhenArgument[" + j + "=" + value + "]";
    }

    static String result(String callee, boolean isNew) {
        return callee + (isNew ? ".Instance" : ".ReturnValue");
    }

    static String jsxAttribute(String attribute) {
        return "Jsx.Attribute[" + attribute + "]";
    }

    static String jsxAttribute(String element, String attribute) {
        return "Jsx.Element[" + element + "].Attribute[" + attribute + "]";
    }
}
