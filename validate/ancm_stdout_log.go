package validate

// ANCMStdoutLog: stdout logging left on.
var ANCMStdoutLog = register(&Rule{
	Code:     "IC505",
	Name:     "ancm-stdout-log",
	Severity: Warning,
	Summary:  `aspNetCore stdoutLogEnabled="true": a new log file per process start, never rotated or deleted, until the disk is full`,
	Doc: `With stdoutLogEnabled="true" the ASP.NET Core Module writes everything the app prints to
stdout and stderr into a file named after stdoutLogFile, the process id and a timestamp. It
creates a new file each time the process starts (every recycle, every crash), never rotates,
limits or deletes them, and Microsoft's documentation says to use it only for troubleshooting
start-up problems. Left on in production it fills the disk, and a full system disk stops the
server.

Fix it by setting stdoutLogEnabled="false" once the problem is found, and logging through a
logging provider (the event log, a file provider with rotation) instead.`,
	check: checkANCMStdoutLog,
})

func checkANCMStdoutLog(p *pass) {
	for _, e := range p.ownElements(aspNetCoreSection) {
		a := e.SelectAttr("stdoutLogEnabled")
		if a == nil {
			continue
		}
		if on, ok := parseBool(a.Value); !ok || !on {
			continue
		}
		if p.settingAt(aspNetCoreSection, "stdoutLogEnabled", p.pathOf(e)).elem != e {
			continue // a later level turns it off again, or reports it
		}
		p.reportAttr(e, "stdoutLogEnabled", `stdoutLogEnabled="true" writes a new stdout log file at every process start, never rotated or deleted, until the disk is full; turn it off after troubleshooting and log through a logging provider`)
	}
}
