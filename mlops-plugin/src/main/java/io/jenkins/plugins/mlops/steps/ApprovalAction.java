package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.adapter.ApprovalEvidence;
import io.jenkins.plugins.mlops.adapter.StepOutcome;
import io.jenkins.plugins.mlops.adapter.Submitters;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The approval prompt on the build page: the gate's evidence, the form, and what became of each
 * answer. Plain data only (it is saved in {@code build.xml}); the way back to the waiting
 * {@link ApproveModelExecution} is transient and set again when the Pipeline resumes.
 */
public final class ApprovalAction implements RunAction2 {
    /** Where an approval is: a prompt, an answer being recorded, or closed (decided, timed out, aborted). */
    enum State {
        PENDING,
        RECORDING,
        CLOSED
    }

    /** Spring Security's pseudo-group of every logged-in user: not a group a policy can name. */
    private static final String AUTHENTICATED = "authenticated";

    private final String id;
    private final String model;
    private final ApprovalEvidence evidence;
    private final String submitter;
    private final long deadline;
    private State state = State.PENDING;
    private ApprovalDecision answer;
    private String reason;
    private String user;
    private ArrayList<String> groups = new ArrayList<>();
    /** The last word: why an answer was refused, the decision, or why the prompt closed. */
    private String message;
    /**
     * How the step ends, kept with the prompt so that a restart between closing it and ending the
     * step still ends it: the engine's outcome to return, or the failure's message.
     */
    private StepOutcome result;
    private String failure;
    private boolean unstable;
    private transient Run<?, ?> run;
    private transient ApproveModelExecution execution;

    ApprovalAction(String id, String model, ApprovalEvidence evidence, String submitter, long deadline) {
        this.id = id;
        this.model = model;
        this.evidence = evidence;
        this.submitter = submitter;
        this.deadline = deadline;
    }

    void attach(ApproveModelExecution execution) {
        this.execution = execution;
    }

    @Override
    public String getIconFileName() {
        // the icon the input step shows while it waits
        return state == State.CLOSED ? null : "help.png";
    }

    @Override
    public String getDisplayName() {
        return "Approve " + model;
    }

    /** The prompt's heading: "Approve churn@3 for production". */
    public String getHeading() {
        return getDisplayName() + (evidence.getStage() == null ? "" : " for " + evidence.getStage());
    }

    @Override
    public String getUrlName() {
        return "mlops-approval-" + id;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public String getId() {
        return id;
    }

    public String getModel() {
        return model;
    }

    public ApprovalEvidence getEvidence() {
        return evidence;
    }

    /** Who may answer, as the step named them; {@code null}: whoever may build the job. */
    public String getSubmitter() {
        return submitter;
    }

    /** Epoch milliseconds after which the prompt closes; 0: never. */
    public long getDeadline() {
        return deadline;
    }

    public String getState() {
        return state.name();
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    boolean isRecording() {
        return state == State.RECORDING;
    }

    public ApprovalDecision getAnswer() {
        return answer;
    }

    public String getReason() {
        return reason;
    }

    /** Who gave the last answer. */
    public String getUser() {
        return user;
    }

    List<String> getGroups() {
        return groups;
    }

    public String getMessage() {
        return message;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** For the prompt's list of this build's reports. */
    public Class<ReportAction> getReportActionType() {
        return ReportAction.class;
    }

    /** Whether the person looking at the prompt may answer it (the form is shown only to them). */
    public boolean isAnswerable() {
        Authentication auth = Jenkins.getAuthentication2();
        return mayAnswer(auth.getName(), groupsOf(auth));
    }

    private boolean mayAnswer(String name, List<String> memberOf) {
        Jenkins jenkins = Jenkins.get();
        if (jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return true;
        }
        Submitters submitters = new Submitters(submitter);
        if (!submitters.isRestricted()) {
            return run.getParent().hasPermission(Item.BUILD);
        }
        SecurityRealm realm = jenkins.getSecurityRealm();
        return submitters.admits(name, memberOf, (a, b) -> realm.getUserIdStrategy().equals(a, b),
                (a, b) -> realm.getGroupIdStrategy().equals(a, b));
    }

    private static List<String> groupsOf(Authentication auth) {
        List<String> names = new ArrayList<>();
        for (GrantedAuthority authority : auth.getAuthorities()) {
            if (!AUTHENTICATED.equals(authority.getAuthority())) {
                names.add(authority.getAuthority());
            }
        }
        return names;
    }

    /**
     * The form's answer: {@code decision} (approve, reject, override) and {@code reason}. Only a
     * submitter may answer, once at a time; the engine then has the last word on the policy.
     */
    @RequirePOST
    public synchronized void doSubmit(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Authentication auth = Jenkins.getAuthentication2();
        List<String> memberOf = groupsOf(auth);
        if (!mayAnswer(auth.getName(), memberOf)) {
            rsp.sendError(HttpServletResponse.SC_FORBIDDEN, auth.getName() + " may not answer this approval"
                    + (submitter == null ? " (it needs the Build permission on the job)" : " (submitters: " + submitter
                    + ")"));
            return;
        }
        if (state != State.PENDING) {
            rsp.sendError(HttpServletResponse.SC_CONFLICT, "This approval is not waiting for an answer (" + message + ")");
            return;
        }
        if (execution == null) {
            rsp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Jenkins is still resuming this build; try again"
                    + " in a moment");
            return;
        }
        ApprovalDecision given;
        try {
            given = ApprovalDecision.parse(req.getParameter("decision"));
        } catch (InvalidInputException e) {
            rsp.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        String why = req.getParameter("reason");
        if (given.needsReason() && (why == null || why.isBlank())) {
            message = "A decision to " + given.word() + " needs a reason.";
            rsp.sendRedirect(".");
            return;
        }
        answer = given;
        reason = why == null || why.isBlank() ? null : why.trim();
        user = auth.getName();
        groups = new ArrayList<>(memberOf);
        state = State.RECORDING;
        message = user + " answered " + given.word() + "; recording the decision...";
        run.save();
        execution.decide(this);
        rsp.sendRedirect(".");
    }

    /** The engine refused the answer (the policy's group or four eyes): the prompt waits for someone else. */
    synchronized void reopen(String why) {
        state = State.PENDING;
        message = why;
    }

    /** The decision is recorded: the step returns {@code outcome}, marking the build unstable if asked. */
    synchronized void decided(StepOutcome outcome, boolean markUnstable) {
        state = State.CLOSED;
        message = outcome.getSummary();
        result = outcome;
        unstable = markUnstable;
    }

    /** The step fails with {@code stepFailure} (a rejection, an error, a timeout, an abort). */
    synchronized void close(String why, String stepFailure) {
        state = State.CLOSED;
        message = why;
        failure = stepFailure;
    }

    /** Closes a prompt nobody has answered yet; {@code false} when an answer came first. */
    synchronized boolean closeIfPending(String why, String stepFailure) {
        if (state != State.PENDING) {
            return false;
        }
        close(why, stepFailure);
        return true;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    StepOutcome getResult() {
        return result;
    }

    /** Why the step fails, {@code null} when it returns {@link #getResult()}. */
    String getFailure() {
        return failure;
    }

    boolean isUnstable() {
        return unstable;
    }
}
