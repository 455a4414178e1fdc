module example.com/gcpkg

go 1.23
