package io.jenkins.plugins.mlops.adapter;

import io.jenkins.plugins.mlops.contract.ApprovalDecision;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Who may answer a prompt, and what an answer may be. */
class ApprovalRulesTest {
    private static final BiPredicate<String, String> CASE_INSENSITIVE = String::equalsIgnoreCase;
    private static final BiPredicate<String, String> CASE_SENSITIVE = String::equals;

    @Test
    void submittersAreUsersOrGroupsComparedAsTheRealmCompares() {
        Submitters s = new Submitters(" alice, ml-leads ,,");
        assertThat(s.isRestricted()).isTrue();
        assertThat(s.toString()).isEqualTo("alice, ml-leads");
        assertThat(s.admits("ALICE", List.of(), CASE_INSENSITIVE, CASE_INSENSITIVE)).isTrue();
        assertThat(s.admits("ALICE", List.of(), CASE_SENSITIVE, CASE_SENSITIVE)).isFalse();
        assertThat(s.admits("bob", List.of("staff", "ml-leads"), CASE_SENSITIVE, CASE_SENSITIVE)).isTrue();
        assertThat(s.admits("bob", List.of("staff"), CASE_INSENSITIVE, CASE_INSENSITIVE)).isFalse();
    }

    @Test
    void noListMeansTheJobsPermissionDecides() {
        assertThat(new Submitters(null).isRestricted()).isFalse();
        assertThat(new Submitters(" , ").isRestricted()).isFalse();
        assertThat(new Submitters(null).admits("anyone", List.of(), CASE_SENSITIVE, CASE_SENSITIVE)).isFalse();
    }

    @Test
    void answersAreTheEnginesDecisionsAndOnlyApprovalNeedsNoReason() {
        assertThat(ApprovalDecision.parse(" Override ")).isEqualTo(ApprovalDecision.OVERRIDE);
        assertThat(ApprovalDecision.OVERRIDE.word()).isEqualTo("override");
        assertThat(ApprovalDecision.APPROVE.needsReason()).isFalse();
        assertThat(ApprovalDecision.REJECT.needsReason()).isTrue();
        assertThatThrownBy(() -> ApprovalDecision.parse("maybe")).hasMessage("decision must be approve, reject or override, not"
                + " 'maybe'");
        assertThatThrownBy(() -> ApprovalDecision.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void evidenceRefusesAResultThatIsNotAGate() {
        assertThatThrownBy(() -> ApprovalEvidence.of("{\"step\":\"test\",\"checks\":[]}", java.util.Map.of()))
                .hasMessageContaining("not a gate result");
        assertThatThrownBy(() -> ApprovalEvidence.of("{\"step\":", java.util.Map.of()))
                .hasMessageStartingWith("gate.json is not JSON");
    }
}
