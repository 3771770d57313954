package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Obj;
import io.wsscan.ir.Node;

import java.util.List;

/**
 * {@code const [state, setState] = useState(initial)}: a tuple of the state and a setter object;
 * calling the setter (with a value, or an updater function of the old state) adds to the state.
 */
final class ReactState {

    /** Positions in the tuple. */
    private static final String STATE = "0", SETTER = "1";

    private final Analysis a;

    ReactState(Analysis a) {
        this.a = a;
    }

    Value stateHook(Node call, List<Value> args) {
        Obj tuple = a.heap.obj(call, ObjKind.ARRAY, null);
        Obj setter = a.heap.obj(call, ObjKind.STATE_SETTER, null);
        a.heap.setField(tuple, STATE, args.isEmpty() ? Value.EMPTY : args.get(0));
        a.heap.setField(tuple, SETTER, Value.of(setter));
        a.heap.setField(setter, Fields.TUPLE, Value.of(tuple));
        return Value.of(tuple);
    }

    void setState(Obj setter, List<Value> args, Node call) {
        if (args.isEmpty()) return;
        Value in = args.get(0);
        Value next = in.filter(f -> !(f instanceof Obj o && o.function != null));
        Value tuples = a.heap.field(setter, Fields.TUPLE);
        for (Obj tuple : tuples == null ? List.<Obj>of() : tuples.all(Obj.class)) {
            Value old = a.heap.field(tuple, STATE);
            for (Obj f : in.objects()) {
                if (f.function != null) next = next.join(a.calls.invoke(f, Value.EMPTY, List.of(old == null ? Value.EMPTY : old), call));
            }
            a.heap.setField(tuple, STATE, Transfer.stepAll(next, call, "stored in component state"));
        }
    }
}
