module github.com/iiscfg/iiscfg

go 1.25.0

require github.com/beevik/etree v1.8.1
