package migrate

import (
	"strings"

	"github.com/iiscfg/iiscfg/config"
	"github.com/iiscfg/iiscfg/schema"
	"github.com/iiscfg/iiscfg/validate"
)

const validationAttr = "validateIntegratedModeConfiguration"

// validation writes <validation validateIntegratedModeConfiguration="false"/>
// at the application. appcmd does so only when both sections were migrated,
// without -clear, and at least one changed (docs/iis-behaviour.md §1.4). iiscfg
// does so when the application's classic sections differ from the root
// web.config and are fully represented in system.webServer, whether or not
// this run changed anything; never while a section it did not migrate still
// differs or an entry could not be carried over.
func (m *migration) validation() (bool, error) {
	if !m.opts.AppRoot || m.opts.Within != "" {
		return false, nil
	}
	var write bool
	if m.opts.Compat == Appcmd {
		write = m.opts.Modules && m.opts.Handlers && !m.opts.Clear && (m.modulesChanged || m.handlersChanged)
	} else {
		modules, handlers, _ := m.blockers(true)
		unmigrated := false
		if modules && !m.opts.Modules {
			m.say(Warning, "", "system.web/httpModules was not migrated and still differs from the root web.config, so validation stays on and IIS answers HTTP 500.22")
			unmigrated = true
		}
		if handlers && !m.opts.Handlers {
			m.say(Warning, "", "system.web/httpHandlers was not migrated and still differs from the root web.config, so validation stays on and IIS answers HTTP 500.23")
			unmigrated = true
		}
		write = !unmigrated && !m.opts.Clear && (modules || handlers) && m.validationOn()
		if write && m.unresolved {
			m.say(Warning, "", "validation stays on until the warnings above are resolved")
			write = false
		}
	}
	if !write {
		return false, nil
	}
	doc := m.doc()
	st := doc.Style()
	var err error
	// Next to the classic sections: in their <location path="."
	// inheritInChildApplications="false">, validation stays on for the
	// child applications, whose own classic sections IIS must still catch.
	home := homeOf(doc, "", schema.HTTPModules, schema.HTTPHandlers)
	if home != nil && m.opts.Compat == Best {
		for _, sec := range []*schema.Section{schema.Modules, schema.Handlers} {
			if in, elsewhere := sectionIn(doc, sec.Path, "", home); in == nil && elsewhere != nil && containerOf(elsewhere) == nil {
				m.say(Warning, "", "validation stays on: the migrated entries are in the top-level %s, which child applications inherit, not in <location path=%q inheritInChildApplications=\"false\"> with the classic sections",
					sec.Path, home.SelectAttrValue("path", ""))
				return false, nil
			}
		}
	}
	el, elsewhere := sectionIn(doc, schema.Validation.Path, "", home)
	if el == nil && elsewhere != nil {
		if home != nil && containerOf(elsewhere) == nil {
			m.say(Warning, "", "system.webServer/validation is at the top level, which child applications inherit, while the classic sections are in <location path=%q inheritInChildApplications=\"false\">: validation stays on; move <validation> into that <location> and migrate again",
				home.SelectAttrValue("path", ""))
			return false, nil
		}
		el = elsewhere
	}
	if el != nil {
		if v := el.SelectAttr(validationAttr); v != nil && strings.EqualFold(strings.TrimSpace(v.Value), "false") {
			return false, nil
		}
		err = doc.SetAttr(el, validationAttr, "false", st)
	} else {
		err = placeSection(doc, st, &config.NewElement{Name: "validation", Attrs: [][2]string{{validationAttr, "false"}}}, "", home)
	}
	if err != nil {
		return false, err
	}
	m.plan(Planned{Section: schema.Validation.Path, Op: "set", Key: validationAttr, Value: "false"})
	if err := m.commit(); err != nil {
		return false, err
	}
	m.res.ValidationWritten = true
	return true, nil
}

// lintContext describes the document's deployment to the lint rules.
func (m *migration) lintContext(ignoreValidation bool) validate.Context {
	return validate.Context{
		Runtime:  m.opts.Runtime,
		Pipeline: validate.Integrated,
		Server: validate.Server{
			RootHTTPModules:  m.opts.Server.AppHTTPModules,
			RootHTTPHandlers: m.opts.Server.AppHTTPHandlers,
			Modules:          m.opts.Server.Modules,
			Handlers:         m.opts.Server.Handlers,
			Validation:       m.opts.Server.Validation,
		},
		Pool:             schema.Pool{Integrated: true, Runtime: m.opts.Runtime},
		Above:            m.opts.Above,
		Prefix:           m.opts.Prefix,
		AppRoot:          m.opts.AppRoot,
		IgnoreValidation: ignoreValidation,
		OwnOnly:          true,
		Enabled:          validate.OnlyRules(validate.ClassicHTTPModules.Name, validate.ClassicHTTPHandlers.Name, validate.ClassicImpersonation.Name),
	}
}

// blockers says which Integrated-mode checks the current document fails.
func (m *migration) blockers(ignoreValidation bool) (modules, handlers, impersonation bool) {
	for _, f := range validate.Lint(m.doc(), m.lintContext(ignoreValidation)) {
		switch f.Rule {
		case validate.ClassicHTTPModules:
			modules = true
		case validate.ClassicHTTPHandlers:
			handlers = true
		case validate.ClassicImpersonation:
			impersonation = true
		}
	}
	return
}

// validationOn is the application's effective validateIntegratedModeConfiguration.
func (m *migration) validationOn() bool {
	on := m.opts.Server.Validation
	for _, l := range m.levels(schema.Validation, "") {
		for _, e := range l.Elems {
			if v := e.SelectAttr(validationAttr); v != nil {
				switch strings.ToLower(strings.TrimSpace(v.Value)) {
				case "true":
					on = true
				case "false":
					on = false
				}
			}
		}
	}
	return on
}

// finalNotes tells what still stops the application in an Integrated pool,
// and where appcmd's output does not do what it seems to.
func (m *migration) finalNotes() {
	if m.opts.Within != "" {
		return // the application's web.config reports what still blocks it
	}
	if m.opts.Compat == Appcmd && m.opts.Runtime == schema.V40 && m.res.HandlersAdded > 0 {
		m.say(Note, "", `appcmd writes preCondition="%s" on migrated handlers; IIS ignores them in a v4.0 pool (use --compat best)`, appcmdHandlerPreCondition)
	}
	if m.res.ValidationWritten {
		if _, _, impersonation := m.blockers(true); impersonation {
			m.say(Note, "", `validateIntegratedModeConfiguration="false" also hides HTTP 500.24: <identity impersonate="true"/> stays, `+
				`and requests are impersonated only after AuthenticateRequest in the Integrated pipeline`)
		}
	}
	for _, f := range validate.Lint(m.doc(), m.lintContext(false)) {
		m.say(Warning, "", "still blocked at line %d: %s", f.Start.Line, f.OneLine())
	}
}
