package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Api;
import io.wsscan.analysis.Fact.Hint;
import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Fact.Param;
import io.wsscan.analysis.Fact.Str;
import io.wsscan.analysis.Fact.Taint;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transfer functions of statements and expressions: what evaluating a node does to the
 * {@link Heap} and what value it has. Calls are {@link Calls}'; modules {@link Modules}'.
 */
final class Transfer {

    private static final Set<String> LOGICAL_ASSIGN = Set.of("||=", "&&=", "??=");
    private static final Set<String> NUMBER_PROPERTIES = Set.of("length", "size", "byteLength", "childElementCount");

    private final Analysis a;
    private final Heap heap;
    private final Scopes scopes;

    /**
     * Passes over a loop body in one evaluation while the values its locals carry to the next
     * iteration grow; then the carried values wait for the next round (see {@link #loop}).
     */
    static final int LOOP_PASSES = 3;

    /** The flow-sensitive locals of the unit being evaluated. */
    private Locals loc = new Locals(null, 0);
    /** Per loop: what its locals held at the end of an iteration, over every evaluation (a change cell). */
    private final Map<Node, Value[]> carried = new IdentityHashMap<>();

    /** Per copy loop, source and target: the source's change-clock when its fields were last copied. */
    private final Map<CopyKey, Integer> copied = new HashMap<>();

    private record CopyKey(Node site, Obj from, Obj to) {
    }

    Transfer(Analysis a) {
        this.a = a;
        this.heap = a.heap;
        this.scopes = a.scopes;
    }

    // ------------------------------------------------------------------ units

    void evalProgram(Node program) {
        loc = new Locals(program, 0);
        execAll(program.kids(), program);
    }

    void evalFunctionBody(Node fn) {
        loc = new Locals(fn, scopes.slots(fn));
        Summary s = heap.summary(fn);
        a.fix.read(s.in);
        List<Node> params = fn.kid(0).kids();
        for (int i = 0; i < params.size(); i++) {
            Node p = params.get(i);
            Value v = Value.of(new Param(fn, i, Set.of(), null));
            if (i < Summary.MAX_PARAMS) v = v.join(s.paramIn[i]);
            if (p.kind == Kind.REST) {
                Obj arr = a.builtins.arrays.array(p);
                heap.setField(arr, Fields.ELEMENTS, v);
                assignPattern(p.kid(0), Value.of(arr), p, fn);
            } else {
                assignPattern(p, v, p, fn);
            }
        }
        Node body = fn.kid(1);
        if (fn.has(Node.EXPRESSION_BODY)) {
            heap.addReturn(fn, stepAll(eval(body, fn), body, "returned"));
        } else {
            execAll(body.kids(), fn);
        }
    }

    Value thisValue(Node fn) {
        Node owner = a.isProgram(fn) || fn.kind == Kind.CLASS ? fn : a.thisOwner(fn);
        if (a.isProgram(owner)) return Value.of(new Api(ApiPath.GLOBAL));
        // Only the objects a function is called on: 'this' is not a summary input, or every method
        // touching this.anything would report through every caller.
        Summary s = heap.summary(owner);
        a.fix.read(s.in);
        return s.thisVal;
    }

    // ------------------------------------------------------------------ statements

    void execAll(List<Node> stmts, Node fn) {
        for (Node s : stmts) exec(s, fn);
    }

    void exec(Node n, Node fn) {
        switch (n.kind) {
            case EXPR_STMT -> eval(n.kid(0), fn);
            case VAR_DECL -> {
                for (Node d : n.kids()) {
                    Node init = d.kid(1);
                    if (!init.isEmpty()) {
                        assignPattern(d.kid(0), eval(init, fn), d, fn);
                    } else if (!"var".equals(n.text) && d.kid(0).kind == Kind.IDENT) {
                        // 'let x;' is undefined again on every pass through a loop body ('var x;' keeps its value)
                        Binding b = scopes.binding(d.kid(0));
                        if (b != null && loc.tracks(b)) loc.set(b, Value.EMPTY);
                    }
                }
            }
            case FUNCTION -> {
                if (n.has(Node.DECLARATION) && n.text != null) {
                    // Scopes binds a declared function's name to the FUNCTION node itself.
                    Binding b = scopes.binding(n);
                    if (b != null) heap.setVar(b, Value.of(heap.functionObj(n)));
                }
            }
            case RETURN -> {
                if (!n.kid(0).isEmpty()) heap.addReturn(fn, stepAll(eval(n.kid(0), fn), n, "returned"));
                loc.state = null;
            }
            case THROW -> {
                eval(n.kid(0), fn);
                loc.state = null;
            }
            case BREAK -> loc.jump(n, true);
            case CONTINUE -> loc.jump(n, false);
            case IF -> {
                eval(n.kid(0), fn);
                Value[] otherwise = loc.save();
                stmt(n.kid(1), fn);
                Value[] then = loc.state;
                loc.state = otherwise;
                if (n.size() > 2) stmt(n.kid(2), fn);
                loc.merge(then);
            }
            case WHILE, DO_WHILE, FOR, FOR_OF, FOR_IN -> loop(n, List.of(), fn);
            case WITH -> {
                eval(n.kid(0), fn);
                loc.weak++;
                stmt(n.kid(1), fn);
                loc.weak--;
            }
            case LABELED -> labeled(n, fn);
            case SWITCH -> switchStatement(n, fn);
            case TRY -> tryStatement(n, fn);
            case CATCH -> exec(n.kid(1), fn);
            case IMPORT -> a.modules.execImport(n, fn);
            case EXPORT -> a.modules.execExport(n, fn);
            case CLASS -> {
                Value c = eval(n, fn);
                Binding b = n.has(Node.DECLARATION) ? scopes.binding(n) : null;
                if (b != null) heap.setVar(b, c);
            }
            default -> evalKids(n, fn);
        }
    }

    private void evalKids(Node n, Node fn) {
        for (Node k : n.kids()) stmt(k, fn);
    }

    private void stmt(Node k, Node fn) {
        if (isStatement(k)) exec(k, fn);
        else eval(k, fn);
    }

    // ------------------------------------------------------------------ control flow (flow-sensitive locals)

    /**
     * A loop: its head holds what the locals had on entry joined with what they carry from the end
     * of an iteration. The carried values are kept per loop across evaluations (joins are monotone,
     * so they stay valid, and a later evaluation mostly needs one pass); the body is evaluated again
     * while an iteration ends with something its head did not have, at most {@link #LOOP_PASSES}
     * times, after which the next round picks up the rest.
     */
    private void loop(Node n, List<String> labels, Node fn) {
        Value item = null;
        if (n.kind == Kind.FOR) {
            if (!n.kid(0).isEmpty()) stmt(n.kid(0), fn);
        } else if (n.kind == Kind.FOR_OF || n.kind == Kind.FOR_IN) {
            Value right = eval(n.kid(1), fn);
            item = n.kind == Kind.FOR_OF ? heap.elements(right) : Value.EMPTY;
        }
        Value[] entry = loc.state;
        Value[] carry = null;
        if (entry != null && loc.size() > 0) {
            carry = carried.get(n);
            if (carry == null) carried.put(n, carry = loc.fresh());
            a.fix.read(carry);
        }
        Value[] exit;
        Locals.Frame f;
        for (int pass = 1; ; pass++) {
            loc.state = carry == null ? Locals.copy(entry) : Locals.join(Locals.copy(entry), carry);
            Value[] head = carry == null ? null : loc.save();
            f = loc.push(Locals.Frame.Type.LOOP, labels);
            switch (n.kind) {
                case WHILE -> {
                    eval(n.kid(0), fn);
                    exit = endless(n.kid(0)) ? null : loc.save();
                    stmt(n.kid(1), fn);
                }
                case DO_WHILE -> {
                    stmt(n.kid(0), fn);
                    loc.merge(f.continues);
                    f.continues = null;
                    eval(n.kid(1), fn);
                    exit = endless(n.kid(1)) ? null : loc.save();
                }
                case FOR -> {
                    Node test = n.kid(1);
                    if (!test.isEmpty()) eval(test, fn);
                    exit = test.isEmpty() || endless(test) ? null : loc.save();
                    stmt(n.kid(3), fn);
                    loc.merge(f.continues);
                    f.continues = null;
                    if (!n.kid(2).isEmpty()) eval(n.kid(2), fn);
                }
                default -> { // FOR_IN, FOR_OF
                    exit = loc.save();
                    Node left = n.kid(0);
                    if (left.kind == Kind.VAR_DECL) {
                        for (Node d : left.kids()) assignPattern(d.kid(0), item, d, fn);
                    } else {
                        assignPattern(left, item, left, fn);
                    }
                    stmt(n.kid(2), fn);
                }
            }
            loc.merge(f.continues);
            loc.pop(f);
            // what only the entry brought is in the head already: no other pass for it
            if (carry == null || !carryInto(carry, loc.state) || !adds(loc.state, head)) break;
            if (pass == LOOP_PASSES) {
                a.fix.bump(carry);
                a.fix.changed();
                break;
            }
        }
        loc.state = Locals.join(exit, f.breaks);
    }

    /** Joins the state at the end of an iteration into the loop's carried values; whether they grew. */
    private static boolean carryInto(Value[] carry, Value[] end) {
        if (end == null) return false;
        boolean grew = false;
        for (int i = 0; i < carry.length; i++) {
            Value v = carry[i].join(end[i]);
            if (v != carry[i]) {
                carry[i] = v;
                grew = true;
            }
        }
        return grew;
    }

    /** Whether {@code end} holds something {@code head} does not. */
    private static boolean adds(Value[] end, Value[] head) {
        for (int i = 0; i < end.length; i++) {
            if (head[i].join(end[i]) != head[i]) return true;
        }
        return false;
    }

    /** A loop test that never fails ({@code while (true)}): the loop is left only by a jump. */
    private static boolean endless(Node test) {
        return test.kind == Kind.BOOLEAN && "true".equals(test.text);
    }

    private static boolean isLoop(Node n) {
        return switch (n.kind) {
            case WHILE, DO_WHILE, FOR, FOR_IN, FOR_OF -> true;
            default -> false;
        };
    }

    private void labeled(Node n, Node fn) {
        List<String> labels = new ArrayList<>(1);
        Node body = n;
        while (body.kind == Kind.LABELED) {
            labels.add(body.text);
            body = body.kid(0);
        }
        if (isLoop(body)) {
            loop(body, labels, fn);
            return;
        }
        Locals.Frame f = loc.push(Locals.Frame.Type.BLOCK, labels);
        stmt(body, fn);
        loc.pop(f);
        loc.merge(f.breaks);
    }

    /** A switch: each case is entered from the tests or falls through from the case before it. */
    private void switchStatement(Node n, Node fn) {
        eval(n.kid(0), fn);
        Value[] tested = loc.save();
        boolean hasDefault = false;
        List<Node> cases = n.rest(1);
        for (Node c : cases) {
            if (c.kid(0).isEmpty()) {
                hasDefault = true;
            } else {
                eval(c.kid(0), fn);
                tested = Locals.join(tested, loc.state);
            }
        }
        Locals.Frame f = loc.push(Locals.Frame.Type.SWITCH, List.of());
        Value[] fall = null;
        for (Node c : cases) {
            loc.state = Locals.join(Locals.copy(tested), fall);
            for (Node st : c.rest(1)) stmt(st, fn);
            fall = loc.state;
        }
        loc.pop(f);
        loc.state = Locals.join(fall, f.breaks);
        if (!hasDefault) loc.merge(tested);
    }

    /**
     * try/catch/finally: a handler may start from any point of the try block, so it sees every value
     * a local took there; a finally block also runs after a throw or a jump out, and the jumps go on
     * from where it ends.
     */
    private void tryStatement(Node n, Node fn) {
        Node handler = n.size() > 1 ? n.kid(1) : null, finalizer = n.size() > 2 ? n.kid(2) : null;
        Value[] before = loc.save();
        Locals.Frame fin = finalizer != null && !finalizer.isEmpty() ? loc.push(Locals.Frame.Type.FINALLY, List.of()) : null;
        Value[] inTry = loc.enterTry();
        stmt(n.kid(0), fn);
        loc.exitTry(inTry);
        Value[] thrown = before == null ? null : Locals.join(before, inTry);
        if (handler != null && handler.kind == Kind.CATCH) {
            Value[] afterTry = loc.state;
            loc.state = Locals.copy(thrown);
            Value[] inCatch = loc.enterTry();
            exec(handler, fn);
            loc.exitTry(inCatch);
            loc.merge(afterTry);
            thrown = Locals.join(thrown, inCatch);
        }
        if (fin == null) return;
        loc.pop(fin);
        Value[] normal = loc.state;
        loc.state = Locals.join(Locals.join(Locals.copy(normal), thrown), fin.pendingState);
        stmt(finalizer, fn);
        Value[] after = loc.state;
        for (Node jump : fin.pending) {
            loc.state = Locals.copy(after);
            loc.jump(jump, jump.kind == Kind.BREAK);
        }
        loc.state = normal == null ? null : after;
    }

    private static boolean isStatement(Node n) {
        return switch (n.kind) {
            case BLOCK, EXPR_STMT, VAR_DECL, IF, FOR, FOR_IN, FOR_OF, WHILE, DO_WHILE, RETURN, THROW, TRY, CATCH,
                 SWITCH, CASE, BREAK, CONTINUE, LABELED, WITH, EMPTY, DEBUGGER, CLASS, IMPORT, EXPORT -> true;
            case FUNCTION -> n.has(Node.DECLARATION);
            default -> false;
        };
    }

    // ------------------------------------------------------------------ assignment

    void assignPattern(Node p, Value v, Node at, Node fn) {
        switch (p.kind) {
            case IDENT -> {
                Binding b = scopes.binding(p);
                Value stepped = stepAll(v, at, "assigned to " + p.text);
                if (b != null) {
                    setVar(b, stepped);
                } else {
                    heap.setGlobal(p.text, stepped);
                    a.models.slot(List.of(ApiPath.global(p.text)), stepped, at, fn);
                }
            }
            case MEMBER -> {
                Value recv = eval(p.kid(0), fn);
                List<String> names = memberNames(p, fn);
                if (names == null) {
                    writeMember(recv, null, stepAll(v, at, "stored in an object"), at, fn);
                } else {
                    for (String name : names) writeMember(recv, name, stepAll(v, at, "stored in ." + name), at, fn);
                }
            }
            case OBJECT_PATTERN -> {
                for (Node k : p.kids()) {
                    if (k.kind == Kind.PROPERTY) {
                        String name = k.keyName();
                        assignPattern(k.kid(1), readMember(v, name, k.kid(0), fn), at, fn);
                    } else if (k.kind == Kind.REST) {
                        assignPattern(k.kid(0), v, at, fn);
                    }
                }
            }
            case ARRAY_PATTERN -> {
                Value items = heap.elements(v);
                List<Node> ks = p.kids();
                for (int i = 0; i < ks.size(); i++) {
                    Node k = ks.get(i);
                    if (k.kind == Kind.REST) assignPattern(k.kid(0), v, at, fn);
                    else if (!k.isEmpty()) assignPattern(k, items.join(heap.positional(v, i)), at, fn);
                }
            }
            case ASSIGN_PATTERN -> {
                // the default is evaluated only when the value is undefined
                Value[] skipped = loc.save();
                Value d = eval(p.kid(1), fn);
                loc.merge(skipped);
                assignPattern(p.kid(0), v.join(d), at, fn);
            }
            case REST -> assignPattern(p.kid(0), v, at, fn);
            default -> eval(p, fn);
        }
    }

    /**
     * {@code to[k] = from[k]} with the same unknown key (extend, assign and clone loops): fields are
     * copied name by name instead of every field landing under the unknown key, where every later
     * read of {@code to} would see all of them.
     */
    private boolean copyLoop(Node assign, Node fn) {
        Node target = assign.kid(0), value = assign.kid(1);
        if (target.kind != Kind.MEMBER || value.kind != Kind.MEMBER || !target.has(Node.COMPUTED) || !value.has(Node.COMPUTED)) {
            return false;
        }
        Node tk = target.kid(1), vk = value.kid(1);
        if (tk.kind != Kind.IDENT || vk.kind != Kind.IDENT) return false;
        Binding key = scopes.binding(tk);
        if (key == null || key != scopes.binding(vk) || memberNames(target, fn) != null) return false;
        Value from = eval(value.kid(0), fn);
        Value to = eval(target.kid(0), fn);
        Obj[] targets = to.objects();
        for (Fact f : from.items()) {
            if (f instanceof Obj src) {
                Map<String, Value> fields = heap.fields(src);
                int version = a.fix.version(src);
                List<Obj> stale = new ArrayList<>(targets.length);
                for (Obj dst : targets) {
                    // joins are monotone: a target that got every field of this version of src has them
                    Integer last = copied.put(new CopyKey(assign, src, dst), version);
                    if (last != null && last == version) continue;
                    stale.add(dst);
                }
                if (stale.isEmpty()) continue;
                for (Map.Entry<String, Value> e : new ArrayList<>(fields.entrySet())) {
                    if (Fields.internal(e.getKey())) continue;
                    for (Obj dst : stale) heap.setField(dst, e.getKey(), e.getValue());
                }
            } else if (f instanceof Taint || f instanceof Param) {
                // copying out of tainted data: every field of the target may hold it
                for (Obj dst : targets) heap.setField(dst, Fields.ANY, Value.of(f));
            }
        }
        return true;
    }

    String memberName(Node member, Node fn) {
        List<String> names = memberNames(member, fn);
        return names != null && names.size() == 1 ? names.get(0) : null;
    }

    /**
     * The property names a member expression may use: its static name, or every constant a computed
     * key may hold ({@code uri[parts[i]]} with {@code parts} a list of literals); null when unknown.
     */
    private List<String> memberNames(Node member, Node fn) {
        if (!member.has(Node.COMPUTED)) return List.of(member.text);
        Node prop = member.kid(1);
        if (prop.kind == Kind.STRING) return List.of(prop.text);
        Value pv = eval(prop, fn);
        List<String> names = new ArrayList<>(2);
        for (Fact f : pv.items()) {
            if (!(f instanceof Str s) || !s.complete()) return null;
            if (!names.contains(s.prefix())) names.add(s.prefix());
        }
        return names.isEmpty() ? null : names;
    }

    private void writeMember(Value recv, String name, Value v, Node at, Node fn) {
        // A write under an unknown key (copy loops: to[k] = from[k]) is read back by every property
        // name (see ModelBinding.keyed).
        v = a.models.keyed(v, name != null);
        List<String> slots = new ArrayList<>(2);
        for (Fact f : recv.items()) {
            if (f instanceof Obj o) {
                heap.setField(o, name == null ? Fields.ANY : name, v);
                if (o.kind == ObjKind.PROTOTYPE && o.site.kind == Kind.FUNCTION) {
                    for (Obj m : v.objects()) if (m.function != null) heap.addThis(m.function, Value.of(heap.syntheticInstance(o.site)));
                }
            } else if (f instanceof Api api && name != null) {
                a.models.memberPaths(slots, api.path(), name);
                if (api.path().equals(ApiPath.GLOBAL)) writeGlobal(name, v);
            }
        }
        if (name != null) {
            String any = a.models.hostMember(recv, name);
            if (any != null) slots.add(any);
        }
        if (!slots.isEmpty()) a.models.slot(slots, v, at, fn);
    }

    // ------------------------------------------------------------------ expressions

    Value eval(Node n, Node fn) {
        switch (n.kind) {
            case IDENT:
                return readIdent(n, fn);
            case THIS:
                return thisValue(fn);
            case STRING:
            case NUMBER:
                return StringFolding.literal(n);
            case TEMPLATE: {
                Value acc = Value.EMPTY;
                boolean first = true;
                for (Node k : n.kids()) {
                    Value kv = k.kind == Kind.STRING ? StringFolding.literal(k) : eval(k, fn);
                    acc = first ? kv : a.strings.concat(acc, kv);
                    first = false;
                }
                return acc;
            }
            case BINARY: {
                Value l = eval(n.kid(0), fn);
                Value r = eval(n.kid(1), fn);
                return "+".equals(n.text) ? a.strings.concat(l, r) : Value.EMPTY;
            }
            case LOGICAL: {
                Value l = eval(n.kid(0), fn);
                Value[] shortCut = loc.save();
                Value r = eval(n.kid(1), fn);
                loc.merge(shortCut);
                return l.join(r);
            }
            case CONDITIONAL: {
                eval(n.kid(0), fn);
                Value[] otherwise = loc.save();
                Value then = eval(n.kid(1), fn);
                Value[] thenState = loc.state;
                loc.state = otherwise;
                Value v = StringFolding.mirror(then, eval(n.kid(2), fn));
                loc.merge(thenState);
                return v;
            }
            case ASSIGN: {
                if ("=".equals(n.text) && copyLoop(n, fn)) return Value.EMPTY;
                if (LOGICAL_ASSIGN.contains(n.text)) {
                    // x ||= y: x keeps its value or gets y, which is evaluated only then
                    Value old = eval(n.kid(0), fn);
                    Value[] kept = loc.save();
                    Value v = old.join(eval(n.kid(1), fn));
                    assignPattern(n.kid(0), v, n, fn);
                    loc.merge(kept);
                    return v;
                }
                Value v = eval(n.kid(1), fn);
                if (!"=".equals(n.text)) {
                    Value old = eval(n.kid(0), fn);
                    v = "+=".equals(n.text) ? a.strings.concat(old, v) : Value.EMPTY;
                }
                assignPattern(n.kid(0), v, n, fn);
                return v;
            }
            case SEQUENCE: {
                Value last = Value.EMPTY;
                for (Node k : n.kids()) last = eval(k, fn);
                return last;
            }
            case MEMBER:
            case CALL: {
                if (loc.size() == 0 || !optionalChain(n)) return n.kind == Kind.CALL ? a.calls.evalCall(n, fn) : member(n, fn);
                // a?.b(x = 1): the rest of an optional chain may be skipped, and its assignments with it
                Value[] skipped = loc.save();
                Value v = n.kind == Kind.CALL ? a.calls.evalCall(n, fn) : member(n, fn);
                loc.merge(skipped);
                return v;
            }
            case NEW:
                return a.calls.evalCall(n, fn);
            case FUNCTION:
                return Value.of(heap.functionObj(n));
            case ARRAY: {
                Obj arr = a.builtins.arrays.array(n);
                for (Node k : n.kids()) {
                    if (k.isEmpty()) continue;
                    Value kv = k.kind == Kind.SPREAD ? heap.elements(eval(k.kid(0), fn)) : eval(k, fn);
                    heap.setField(arr, Fields.ELEMENTS, kv);
                }
                return Value.of(arr);
            }
            case OBJECT:
                return evalObject(n, fn);
            case AWAIT:
                return a.builtins.promises.unwrap(eval(n.kid(0), fn));
            case SPREAD:
                return eval(n.kid(0), fn);
            case UNARY: {
                eval(n.kid(0), fn);
                return Value.EMPTY;
            }
            case TAGGED_TEMPLATE:
                return eval(n.kid(0), fn).dataOnly().join(eval(n.kid(1), fn).dataOnly());
            case CLASS:
                return evalClass(n, fn);
            case JSX_ELEMENT:
                evalJsx(n, fn);
                return Value.EMPTY;
            case SUPER:
                return readMember(superclass(fn), Fields.PROTOTYPE, n, fn);
            case IMPORT_CALL:
                return a.modules.dynamicImport(n, fn);
            case TYPE_HINT:
                return a.models.typeHint(n.text, n);
            default:
                evalKids(n, fn);
                return Value.EMPTY;
        }
    }

    private Value member(Node n, Node fn) {
        Value recv = eval(n.kid(0), fn);
        List<String> names = memberNames(n, fn);
        if (names != null && names.size() == 1) return readMember(recv, names.get(0), n, fn);
        // a computed key that may be several names, or any ({'http:': 'ws:', 'https:': 'wss:'}[location.protocol]),
        // chooses between the fields like a conditional does
        Value v = names == null ? readMember(recv, null, n, fn) : Value.EMPTY;
        if (names != null) for (String name : names) v = v.join(readMember(recv, name, n, fn));
        return StringFolding.mirrorChoice(v);
    }

    private static boolean optionalChain(Node n) {
        for (Node k = n; k.kind == Kind.MEMBER || k.kind == Kind.CALL; k = k.kid(0)) {
            if (k.has(Node.OPTIONAL)) return true;
        }
        return false;
    }

    /**
     * A class is a constructor (its {@code constructor} method, if any) with a prototype holding the
     * methods; a synthetic instance stands for objects made elsewhere, so methods see their fields.
     */
    private Value evalClass(Node cls, Node fn) {
        Node ctor = null;
        for (Node m : cls.rest(1)) {
            if (m.kind == Kind.PROPERTY && "constructor".equals(m.keyName()) && m.kid(1).kind == Kind.FUNCTION) ctor = m.kid(1);
        }
        Obj klass = heap.obj(cls, ObjKind.CLASS, ctor);
        Obj proto = heap.obj(cls, ObjKind.PROTOTYPE, null);
        if (!klass.fields.containsKey(Fields.PROTOTYPE)) {
            heap.putField(klass, Fields.PROTOTYPE, Value.of(proto));
        }
        Value superValue = cls.kid(0).isEmpty() ? Value.EMPTY : eval(cls.kid(0), fn);
        heap.setField(klass, Fields.SUPER, superValue);
        if (!superValue.isEmpty()) {
            heap.setField(proto, Fields.PROTO, readMember(superValue, Fields.PROTOTYPE, cls, fn).filter(f -> f instanceof Obj));
        }
        Obj instance = heap.obj(cls, ObjKind.INSTANCE, null);
        if (!instance.fields.containsKey(Fields.PROTO)) {
            heap.putField(instance, Fields.PROTO, Value.of(proto));
        }
        Value self = Value.of(instance);
        heap.addThis(cls, self);
        for (Node m : cls.rest(1)) {
            switch (m.kind) {
                case PROPERTY -> {
                    // private methods are keyed like private fields and member reads: '#name'
                    String key = m.kid(0).kind == Kind.PRIVATE_NAME ? "#" + m.kid(0).text : m.keyName();
                    Value v = eval(m.kid(1), fn);
                    boolean isStatic = m.has(Node.STATIC);
                    heap.setField(isStatic ? klass : proto, key == null ? Fields.ANY : key, v);
                    for (Obj f : v.objects()) if (f.function != null) heap.addThis(f.function, isStatic ? Value.of(klass) : self);
                }
                case CLASS_FIELD -> {
                    String key = m.kid(0).kind == Kind.PRIVATE_NAME ? "#" + m.kid(0).text : m.has(Node.COMPUTED) ? null : m.kid(0).text;
                    Value v = m.size() > 1 && !m.kid(1).isEmpty() ? eval(m.kid(1), cls) : Value.EMPTY;
                    heap.setField(m.has(Node.STATIC) ? klass : instance, key == null ? Fields.ANY : key, v);
                }
                case STATIC_BLOCK -> execAll(m.kids(), cls);
                default -> eval(m, fn);
            }
        }
        return Value.of(klass).join(a.models.classShape(cls));
    }

    /**
     * JSX: attribute values flow into {@code Jsx.Attribute[name]} and
     * {@code Jsx.Element[tag].Attribute[name]} positions, which models can make sinks
     * ({@code dangerouslySetInnerHTML={{__html: x}}}, {@code <iframe src={x}>}).
     */
    private void evalJsx(Node element, Node fn) {
        for (Node k : element.kids()) {
            switch (k.kind) {
                case JSX_ATTR -> {
                    if (k.size() == 0 || k.kid(0).isEmpty()) continue;
                    Node value = k.kid(0);
                    Value v = value.kind == Kind.JSX_EXPR ? (value.size() == 0 || value.kid(0).isEmpty() ? Value.EMPTY : eval(value.kid(0), fn))
                            : eval(value, fn);
                    a.models.jsxAttribute(element.text, k.text, v, k, fn);
                }
                case JSX_EXPR -> {
                    if (k.size() > 0 && !k.kid(0).isEmpty()) eval(k.kid(0), fn);
                }
                case JSX_ELEMENT -> evalJsx(k, fn);
                default -> eval(k, fn);
            }
        }
    }

    /** The class a method belongs to, through the 'this' owner chain, then its superclass value. */
    Value superclass(Node fn) {
        Node owner = a.thisOwner(fn);
        for (Obj klass : heap.classes()) {
            Value proto = heap.fields(klass).get(Fields.PROTOTYPE);
            boolean mine = klass.function == owner;
            if (!mine && proto != null) {
                for (Obj p : proto.objects()) {
                    for (Value v : heap.fields(p).values()) for (Obj f : v.objects()) mine |= f.function == owner;
                }
            }
            if (mine) return klass.fields.getOrDefault(Fields.SUPER, Value.EMPTY);
        }
        return Value.EMPTY;
    }

    /** A variable's value here: a tracked local's from the flow state, anything else's from the heap. */
    private Value var(Binding b) {
        if (loc.tracks(b)) {
            Value v = loc.get(b);
            if (v != null) return v;
            // unreachable here (after a return): keep what the variable may hold anywhere
        }
        return heap.var(b);
    }

    /** Assigns a variable: a tracked local holds only {@code v} from here on; the heap keeps the join of all. */
    private void setVar(Binding b, Value v) {
        heap.setVar(b, v);
        if (loc.tracks(b)) loc.set(b, v);
    }

    Value readIdent(Node n, Node fn) {
        String name = n.text;
        Binding b = scopes.binding(n);
        Value v;
        if (b != null) {
            v = var(b);
            if (b.declaration == n) return v;
            if ("param".equals(b.declKind)) v = v.join(a.models.injected(name, n));
        } else {
            if (name.equals("undefined") || name.equals("arguments")) return Value.EMPTY;
            v = a.models.global(name, heap.global(name), n);
        }
        return v.join(a.models.nameTaints(name, n));
    }

    private Value evalObject(Node n, Node fn) {
        Obj o = heap.obj(n, ObjKind.OBJECT, null);
        for (Node p : n.kids()) {
            if (p.kind == Kind.SPREAD) {
                Value sv = eval(p.kid(0), fn);
                for (Obj src : sv.objects()) {
                    for (Map.Entry<String, Value> e : new ArrayList<>(heap.fields(src).entrySet())) heap.setField(o, e.getKey(), e.getValue());
                }
                heap.setField(o, Fields.ANY, sv.dataOnly());
                continue;
            }
            if (p.kind != Kind.PROPERTY) continue;
            String key = p.keyName();
            if (p.has(Node.COMPUTED) && key == null) eval(p.kid(0), fn);
            Value v = eval(p.kid(1), fn);
            if (key != null && !StringFolding.constantOrEmpty(v)) v = v.join(a.models.nameTaints(key, p.kid(0)));
            heap.setField(o, key == null ? Fields.ANY : key, v);
            for (Obj m : v.objects()) if (m.function != null && !m.function.has(Node.ARROW)) heap.addThis(m.function, Value.of(o));
        }
        return Value.of(o);
    }

    /** {@code recv.name} ({@code name} null: an unknown key): fields, modeled members, data, names. */
    Value readMember(Value recv, String name, Node at, Node fn) {
        Value v = Value.EMPTY;
        List<Fact> out = null;
        List<String> paths = null;
        boolean numeric = name != null && NUMBER_PROPERTIES.contains(name);
        for (Fact f : recv.items()) {
            if (f instanceof Obj o) {
                v = v.join(heap.readObjField(o, name));
            } else if (f instanceof Api api) {
                if (name != null) {
                    if (paths == null) paths = new ArrayList<>(2);
                    a.models.memberPaths(paths, api.path(), name);
                    if (api.path().equals(ApiPath.GLOBAL)) v = v.join(readGlobal(name));
                }
            } else if (f instanceof Taint || f instanceof Param) {
                if (!numeric) {
                    if (out == null) out = new ArrayList<>();
                    out.add(f);
                }
            } else if (f instanceof Hint h && "value".equals(name)) {
                if (out == null) out = new ArrayList<>();
                a.findings.sourceSeen(h.kind());
                out.add(new Taint(h.kind(), at, Set.of(), Trace.start(h.at(), "element that holds " + h.kind() + " data")
                        .then(at, "its value is read")));
            }
        }
        if (out != null) v = v.join(Value.of(out));
        v = a.models.keyed(v, name != null);
        if (name != null) {
            String any = a.models.hostMember(recv, name);
            if (any != null) v = v.join(a.models.api(any, at, name));
            if (paths != null) for (String p : paths) v = v.join(a.models.api(p, at, name));
            v = v.join(a.models.nameTaints(name, at));
        }
        return v;
    }

    /**
     * {@code window.name = v}: the global variable of that name, which unbound references read, and
     * the top-level variables of classic scripts that share the page's globals.
     */
    private void writeGlobal(String name, Value v) {
        heap.setGlobal(name, v);
        for (Binding b : scopes.globalBindings(name)) heap.setVar(b, v);
    }

    /** {@code window.name}: what {@link #writeGlobal} and the scripts' top-level declarations put there. */
    private Value readGlobal(String name) {
        Value v = heap.global(name);
        for (Binding b : scopes.globalBindings(name)) v = v.join(heap.var(b));
        return v;
    }

    /** Adds a trace step to the data in a value (taints and parameters). */
    static Value stepAll(Value v, Node at, String message) {
        if (!v.any(Taint.class) && !v.any(Param.class)) return v;
        return v.map(f -> f instanceof Taint t ? t.step(at, message) : f instanceof Param p ? p.step(at, message) : f);
    }
}
