module other

go 1.25
