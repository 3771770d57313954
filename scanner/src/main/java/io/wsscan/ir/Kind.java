package io.wsscan.ir;

/**
 * Node kinds of the language-neutral IR. Child layout per kind is given in brackets; {@code ?} marks
 * an optional child (an {@link #EMPTY} node stands in when absent), {@code *} a list that runs to the
 * end of the children. {@code text} is the node's own string (name, operator, literal value).
 *
 * <p>The set covers ES2024 (classes, private names, async, generators, modules, destructuring,
 * spread, optional chaining, templates), JSX, TypeScript type hints and the Java subset the server
 * rules read. A front end that meets something it cannot lower emits {@link #UNKNOWN} with whatever
 * children it could lower, and says so in a notification.
 */
public enum Kind {
    // ---- program and statements
    PROGRAM,          // [statement*]
    BLOCK,            // [statement*]
    EXPR_STMT,        // [expr]
    VAR_DECL,         // text = var|let|const|using ; [DECLARATOR*]
    DECLARATOR,       // [pattern, init?]
    IF,               // [test, consequent, alternate?]
    FOR,              // [init?, test?, update?, body]
    FOR_IN,           // [left, right, body]
    FOR_OF,           // [left, right, body] ; flag AWAIT
    WHILE,            // [test, body]
    DO_WHILE,         // [body, test]
    RETURN,           // [arg?]
    THROW,            // [arg]
    TRY,              // [block, CATCH?, finalizer?]
    CATCH,            // [param?, body]
    SWITCH,           // [discriminant, CASE*]
    CASE,             // [test? (EMPTY for default), statement*]
    BREAK,            // text = label or null
    CONTINUE,         // text = label or null
    LABELED,          // text = label ; [body]
    WITH,             // [object, body]
    EMPTY,            // nothing (also stands in for an absent optional child)
    DEBUGGER,
    // ---- functions and classes
    FUNCTION,         // text = name or null ; [PARAMS, body] ; flags ARROW, ASYNC, GENERATOR, DECLARATION, EXPRESSION_BODY, METHOD, GETTER, SETTER
    PARAMS,           // [pattern*] (defaults as ASSIGN_PATTERN, rest as REST)
    CLASS,            // text = name or null ; [superclass?, member*] ; flag DECLARATION
    CLASS_FIELD,      // [key, value?] ; flags STATIC, COMPUTED ; key may be PRIVATE_NAME
    STATIC_BLOCK,     // [statement*]
    PRIVATE_NAME,     // text = name without '#'
    // ---- modules
    IMPORT,           // text = module specifier ; [IMPORT_SPEC*]
    IMPORT_SPEC,      // text = imported name ('default', '*' for namespace) ; [local IDENT]
    EXPORT,           // text = module specifier or null ; [declaration or EXPORT_SPEC*] ; flag DEFAULT
    EXPORT_SPEC,      // text = exported name ('*' for export * from) ; [local IDENT] (re-exports: the imported name; IDENT "*" for export *)
    // ---- expressions
    IDENT,            // text = name
    THIS,
    SUPER,
    STRING,           // text = cooked value
    NUMBER,           // text = source spelling
    BIGINT,           // text = source spelling
    BOOLEAN,          // text = true|false
    NULL,
    UNDEFINED,        // the 'undefined' keyword where a front end knows it is the value, not a name
    REGEX,            // text = pattern ; [] ; flags in regexFlags
    TEMPLATE,         // [STRING (cooked quasi), expr, STRING, expr, ..., STRING]
    TAGGED_TEMPLATE,  // [tag, TEMPLATE]
    ARRAY,            // [element* (EMPTY for holes, SPREAD allowed)]
    OBJECT,           // [PROPERTY* | SPREAD*]
    PROPERTY,         // [key, value] ; key is IDENT/STRING/NUMBER/PRIVATE_NAME or an expr with COMPUTED ; flags SHORTHAND, METHOD, GETTER, SETTER
    MEMBER,           // text = static property name ; [object] or [object, property expr] with COMPUTED ; flag OPTIONAL
    CALL,             // [callee, arg*] ; flag OPTIONAL
    NEW,              // [callee, arg*]
    UNARY,            // text = operator (!, -, +, ~, typeof, void, delete) ; [arg]
    UPDATE,           // text = ++|-- ; [arg] ; flag PREFIX
    BINARY,           // text = operator ; [left, right]
    LOGICAL,          // text = &&|'||'|?? ; [left, right]
    ASSIGN,           // text = operator (=, +=, ...) ; [target, value]
    CONDITIONAL,      // [test, consequent, alternate]
    SEQUENCE,         // [expr*]
    SPREAD,           // [arg]
    YIELD,            // [arg?] ; flag DELEGATE
    AWAIT,            // [arg]
    IMPORT_CALL,      // [specifier]
    META_PROPERTY,    // text = new.target | import.meta
    // ---- patterns
    OBJECT_PATTERN,   // [PROPERTY* (value is a pattern) | REST]
    ARRAY_PATTERN,    // [pattern* (EMPTY for holes) | REST]
    ASSIGN_PATTERN,   // [target pattern, default expr]
    REST,             // [pattern]
    // ---- JSX
    JSX_ELEMENT,      // text = tag name ('' for fragments) ; [JSX_ATTR* | JSX_SPREAD_ATTR*, then children: JSX_TEXT | JSX_EXPR | JSX_ELEMENT]
    JSX_ATTR,         // text = attribute name ; [value?] (STRING, JSX_EXPR or JSX_ELEMENT)
    JSX_SPREAD_ATTR,  // [expr]
    JSX_EXPR,         // [expr?]
    JSX_TEXT,         // text = the text
    // ---- TypeScript / Java additions read by rules
    TYPE_HINT,        // text = type name as written (e.g. WebSocket, signalR.HubConnection) ; no kids. The value of a
                      // typed parameter, declarator or class field that has no default/initialiser of its own
    ANNOTATION,       // text = annotation name ; [ANNOTATION_PAIR*]
    ANNOTATION_PAIR,  // text = element name ('value' for the single-element form) ; [value expr]
    // ---- anything a front end could not lower
    UNKNOWN           // text = what it was ; [whatever children could be lowered]
}
