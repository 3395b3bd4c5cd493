package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.junit.jupiter.api.Test;

/**
 * Every Jenkinsfile of the repository, and every Groovy example in plugin-docs, parsed with the
 * Groovy parser: a call to one of our steps may only use parameters the step class has, and must
 * give its required ones. Documentation that drifts from the code fails the build.
 */
class JenkinsfileContractTest {
    private static final Path ROOT = Path.of("..");
    /** Function name to step class: what a Jenkinsfile writes and what Jenkins binds it to. */
    static final Map<String, Class<?>> STEPS = Map.ofEntries(
            Map.entry(ValidateDataStep.FUNCTION_NAME, ValidateDataStep.class),
            Map.entry(TrainModelStep.FUNCTION_NAME, TrainModelStep.class),
            Map.entry(TuneModelStep.FUNCTION_NAME, TuneModelStep.class),
            Map.entry(TestModelStep.FUNCTION_NAME, TestModelStep.class),
            Map.entry(ModelGateStep.FUNCTION_NAME, ModelGateStep.class),
            Map.entry(ApproveModelStep.FUNCTION_NAME, ApproveModelStep.class),
            Map.entry(RegisterModelStep.FUNCTION_NAME, RegisterModelStep.class),
            Map.entry(DeployModelStep.FUNCTION_NAME, DeployModelStep.class),
            Map.entry(AnalyzeCanaryStep.FUNCTION_NAME, AnalyzeCanaryStep.class),
            Map.entry(ShadowReportStep.FUNCTION_NAME, ShadowReportStep.class),
            Map.entry(RollbackModelStep.FUNCTION_NAME, RollbackModelStep.class),
            Map.entry(MonitorModelStep.FUNCTION_NAME, MonitorModelStep.class),
            Map.entry(VerifyAuditStep.FUNCTION_NAME, VerifyAuditStep.class),
            Map.entry(PredictBatchStep.FUNCTION_NAME, PredictBatchStep.class),
            Map.entry(PromoteModelStep.FUNCTION_NAME, PromoteModelStep.class),
            Map.entry(ModelCardStep.FUNCTION_NAME, ModelCardStep.class));

    /** A call to one of our steps: where, which step, and the parameter names it uses. */
    record Call(String where, String step, Set<String> parameters) {
    }

    /** The root Jenkinsfile and README, and the Jenkinsfiles, .groovy files and Markdown pages of plugin-docs. */
    static List<Call> calls() throws IOException {
        List<Call> calls = new ArrayList<>();
        if (Files.exists(ROOT.resolve("Jenkinsfile"))) {
            calls.addAll(callsIn("Jenkinsfile", Files.readString(ROOT.resolve("Jenkinsfile"))));
        }
        calls.addAll(groovyBlocks(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("plugin-docs"))) {
            for (Path file : docs.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("Jenkinsfile") || name.endsWith(".groovy")) {
                    calls.addAll(callsIn(file.toString(), Files.readString(file)));
                } else if (name.endsWith(".md")) {
                    calls.addAll(groovyBlocks(file));
                }
            }
        }
        return calls;
    }

    /** The calls in a Markdown page's ```groovy blocks, each named by page and block number. */
    static List<Call> groovyBlocks(Path page) throws IOException {
        List<Call> calls = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```groovy\\n(.*?)```").matcher(Files.readString(page));
        for (int i = 1; block.find(); i++) {
            calls.addAll(callsIn(page + " example " + i, block.group(1)));
        }
        return calls;
    }

    static List<Call> callsIn(String where, String source) {
        CompilationUnit unit = new CompilationUnit();
        SourceUnit sourceUnit = unit.addSource(where.replaceAll("\\W", "_") + ".groovy", source);
        unit.compile(Phases.CONVERSION);
        List<Call> calls = new ArrayList<>();
        ClassCodeVisitorSupport collector = new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return sourceUnit;
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (STEPS.containsKey(call.getMethodAsString())) {
                    calls.add(new Call(where + ":" + call.getLineNumber(), call.getMethodAsString(),
                            namedArguments(call.getArguments())));
                }
                super.visitMethodCallExpression(call);
            }
        };
        // a Jenkinsfile is a script: its statements live in the script class's run() method
        for (ClassNode type : sourceUnit.getAST().getClasses()) {
            collector.visitClass(type);
        }
        return calls;
    }

    /**
     * Keys of named arguments; an unnamed argument (Jenkins binds it to the only required
     * parameter) as {@code <positional>}.
     */
    private static Set<String> namedArguments(Expression arguments) {
        Set<String> names = new TreeSet<>();
        if (arguments instanceof TupleExpression tuple) {
            for (Expression e : tuple.getExpressions()) {
                if (e instanceof MapExpression map) {
                    for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                        if (entry.getKeyExpression() instanceof ConstantExpression key) {
                            names.add(key.getValue().toString());
                        }
                    }
                } else {
                    names.add("<positional>");
                }
            }
        }
        return names;
    }

    @Test
    void everyCallUsesOnlyParametersItsStepHasAndGivesTheRequiredOnes() throws IOException {
        List<Call> calls = calls();
        assertThat(calls).as("calls to our steps in Jenkinsfiles and plugin-docs").isNotEmpty();
        for (Call call : calls) {
            Class<?> step = STEPS.get(call.step());
            Set<String> known = PluginResourcesTest.parameters(step);
            assertThat(known).as(call.where() + ": parameters of " + call.step()).containsAll(call.parameters());
            assertThat(call.parameters()).as(call.where() + ": required parameters of " + call.step())
                    .containsAll(PluginResourcesTest.required(step));
        }
    }

    @Test
    void aMistypedParameterIsCaught() {
        List<Call> calls = callsIn("test",
                "node { def r = validateData data: 'd.csv', shema: 's.json'\n echo r.status }");
        assertThat(calls).hasSize(1);
        assertThat(PluginResourcesTest.parameters(ValidateDataStep.class)).doesNotContain("shema");
        assertThat(calls.get(0).parameters()).contains("shema");
    }
}
