package io.wsscan.analysis;

import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the analysis: the programs' structure (functions, the program each belongs to, whose
 * 'this' each sees) and the parts of the interpreter, wired together; the parts reach each other
 * through it. Used once, by {@link Engine#run()}.
 */
final class Analysis implements Fixpoint.Units {

    final Scopes scopes;
    final Fixpoint fix = new Fixpoint();
    final Heap heap = new Heap(fix);
    final Findings findings;
    final ModelBinding models;
    final StringFolding strings;
    final Transfer transfer;
    final Calls calls;
    final AngularInjector injector;
    final Builtins builtins;
    final Modules modules;

    /** The files analysed together (one, or modules that import each other), in a fixed order. */
    private final List<Node> programs;
    private final Set<Node> programSet = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The program each function belongs to (for module-relative lookups such as {@code import}). */
    private final Map<Node, Node> programOf = new IdentityHashMap<>();
    private final Map<Node, Node> thisOwner = new IdentityHashMap<>();
    private final List<Node> functions = new ArrayList<>();
    /** Says which file each program is (worker code is told by its path too). */
    private final Engine.Linker linker;

    Analysis(List<Node> programs, Scopes scopes, Models models, Engine.Joins joins, Engine.Linker linker) {
        this.programs = List.copyOf(programs);
        this.programSet.addAll(programs);
        this.linker = linker;
        this.scopes = scopes;
        this.findings = new Findings(heap, joins, models);
        this.models = new ModelBinding(models, joins, this);
        this.strings = new StringFolding(this.models);
        this.transfer = new Transfer(this);
        this.calls = new Calls(this);
        this.injector = new AngularInjector(this);
        this.builtins = new Builtins(this);
        this.modules = new Modules(this, linker);
    }

    /** Runs to a fixpoint (or the round bound) and returns what was found. */
    Engine.Result run() {
        for (Node program : programs) {
            programOf.put(program, program);
            collectFunctions(program, program, program);
            modules.initModule(program);
            models.classify(program, scopes, linker.pathOf(program));
        }
        fix.run(programs, functions, this);
        return findings.result();
    }

    private void collectFunctions(Node n, Node owner, Node program) {
        for (Node k : n.kids()) {
            if (k.kind == Kind.FUNCTION) {
                functions.add(k);
                programOf.put(k, program);
                thisOwner.put(k, k.has(Node.ARROW) ? owner : k);
                collectFunctions(k, k.has(Node.ARROW) ? owner : k, program);
            } else if (k.kind == Kind.CLASS) {
                // In field initialisers (and arrows there) 'this' is the instance: the class stands in.
                for (Node m : k.kids()) if (m.kind == Kind.CLASS || m.kind == Kind.FUNCTION) thisOwner.put(m, k);
                programOf.put(k, program);
                collectFunctions(k, k, program);
            } else {
                collectFunctions(k, owner, program);
            }
        }
    }

    boolean isProgram(Node n) {
        return programSet.contains(n);
    }

    Node programOf(Node unit) {
        return programOf.get(unit);
    }

    /** The function (or class, or program) whose 'this' a function sees: arrows see their owner's. */
    Node thisOwner(Node fn) {
        return thisOwner.getOrDefault(fn, fn);
    }

    // ------------------------------------------------------------------ Fixpoint.Units

    @Override
    public void beginRound() {
        heap.beginRound();
    }

    @Override
    public void evaluateProgram(Node program) {
        models.enter(program);
        transfer.evalProgram(program);
    }

    @Override
    public void evaluateFunction(Node fn) {
        models.enter(programOf.get(fn));
        transfer.evalFunctionBody(fn);
    }

    @Override
    public boolean takeReseed() {
        return findings.takeReseed();
    }

    @Override
    public String roundStats() {
        return findings.stats();
    }
}
