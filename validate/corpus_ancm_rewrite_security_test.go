package validate_test

import (
	"testing"

	"github.com/iiscfg/iiscfg/validate"
)

// rulesCoded lists the names of the rules whose codes start with prefix.
func rulesCoded(prefix string) []string {
	var out []string
	for _, r := range validate.Rules() {
		if len(r.Code) >= len(prefix) && r.Code[:len(prefix)] == prefix {
			out = append(out, r.Name)
		}
	}
	return out
}

func TestCorpusANCMFindings(t *testing.T) {
	checkCorpusGolden(t, "ancm-findings.txt", corpusFindings(t, rulesCoded("IC5")...))
}

func TestCorpusRewriteFindings(t *testing.T) {
	checkCorpusGolden(t, "rewrite-findings.txt", corpusFindings(t, rulesCoded("IC6")...))
}

func TestCorpusSecurityFindings(t *testing.T) {
	checkCorpusGolden(t, "security-findings.txt", corpusFindings(t, rulesCoded("IC7")...))
}
