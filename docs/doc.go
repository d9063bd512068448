// Package docs holds leadlex's user documentation (README.md at the
// repository root and the pages in this folder); it has no code, only tests
// that keep the README short and every relative link and anchor valid.
package docs
