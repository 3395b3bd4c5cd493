package io.jenkins.plugins.mlops.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The gate's result ({@code gate.json}) as those who answer it read it: its state, the rule of the
 * approval it asks for, the results it judged and the digest of that evidence.
 *
 * @param stage the target stage of the policy; null without a policy
 * @param approval the approval asked for; null when the gate asks none
 * @param startedBy who started the run (whom four eyes exclude)
 * @param model the model decided on; null when the gate was not told
 * @param evidence SHA-256 over the judged results, in order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GateDecision(String step, Status status, String summary, List<Check> checks, List<Input> inputs,
                           String stage, Approval approval, String startedBy, String model, String evidence) {
    /** A result the gate judged: its step, status and file (as the gate was given it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(String step, Status status, String file) {
    }

    /**
     * Who may approve: members of {@code group} and the {@code users} named (anyone when neither), and
     * under four eyes (unless {@code fourEyes} is false) not who started the run. Users named one by one
     * serve a Jenkins whose security realm has no groups (its own user database). A policy's rule and
     * the gate's result both state it this way.
     */
    public record Approval(String group, List<String> users, Boolean fourEyes) {
        public Approval {
            group = group == null || group.isBlank() ? null : group;
            users = users == null ? List.of() : List.copyOf(users);
        }

        public boolean requiresFourEyes() {
            return !Boolean.FALSE.equals(fourEyes);
        }

        /** Whether the rule names any decider (else anyone may decide). */
        public boolean namesDeciders() {
            return group != null || !users.isEmpty();
        }

        /** Whether this user, with these groups, is among the deciders. */
        public boolean admits(String user, Collection<String> groups) {
            return !namesDeciders() || users.contains(user) || group != null && groups.contains(group);
        }

        /** The deciders in words: "a member of 'ml-leads'", "alice or carol", or both. */
        public String deciders() {
            List<String> parts = new ArrayList<>();
            if (group != null) {
                parts.add("a member of '" + group + "'");
            }
            parts.addAll(users);
            return parts.size() <= 1 ? String.join("", parts)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
        }

        /** The rule as it applies, with four eyes stated: what the gate's result records. */
        public Approval effective() {
            return new Approval(group, users, requiresFourEyes());
        }
    }

    public GateDecision {
        checks = checks == null ? List.of() : checks;
        inputs = inputs == null ? List.of() : inputs;
    }

    /** Parses a gate's result; a one-line input error when it is not JSON or not a gate's. */
    public static GateDecision parse(String json, String what) {
        GateDecision gate = ResultFile.parse(json, what, GateDecision.class);
        if (!Stage.GATE.result().equals(gate.step())) {
            throw new InvalidInputException(what + " is not a gate result (its step is '" + gate.step() + "')");
        }
        return gate;
    }
}
