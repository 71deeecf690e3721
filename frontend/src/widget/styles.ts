/** The widget's stylesheet, inside its shadow root: host-page CSS cannot reach in, and this cannot leak out. */
export function widgetStyles(color: string): string {
  return `
:host { all: initial; }
* { box-sizing: border-box; }
.root {
  --hd-color: ${color};
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a;
}
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.launcher {
  width: 56px; height: 56px; border-radius: 50%; border: none; background: var(--hd-color); color: #fff;
  box-shadow: 0 4px 14px rgba(15, 23, 42, .3); display: grid; place-items: center; margin-left: auto;
}
.launcher svg { width: 26px; height: 26px; }
.panel {
  position: absolute; right: 0; bottom: 72px; width: 360px; height: min(560px, calc(100vh - 110px));
  display: flex; flex-direction: column; background: #fff; border-radius: 12px; overflow: hidden;
  box-shadow: 0 10px 36px rgba(15, 23, 42, .28);
}
.panel[hidden] { display: none; }
.header { background: var(--hd-color); color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
.header h2 { font-size: 16px; font-weight: 600; margin: 0; flex: 1; }
.close { background: transparent; border: none; color: #fff; font-size: 22px; line-height: 1; padding: 2px 8px; border-radius: 6px; }
.body { flex: 1; overflow-y: auto; padding: 12px; background: #f8fafc; display: flex; flex-direction: column; gap: 8px; }
.log, .pending { display: flex; flex-direction: column; gap: 8px; }
.empty { color: #475569; text-align: center; margin: 24px 8px; }
.msg { max-width: 82%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.mine { align-self: flex-end; background: var(--hd-color); color: #fff; border-bottom-right-radius: 4px; }
.msg.agent { align-self: flex-start; background: #e2e8f0; color: #0f172a; border-bottom-left-radius: 4px; }
.msg.sending { opacity: .65; }
.msg.failed { background: #fee2e2; color: #7f1d1d; }
.who { display: block; font-size: 12px; font-weight: 600; margin-bottom: 2px; }
.failure { align-self: flex-end; font-size: 12px; color: #b91c1c; display: flex; gap: 8px; align-items: center; }
.retry { background: none; border: 1px solid #b91c1c; color: #b91c1c; border-radius: 6px; padding: 1px 8px; }
.typing { font-size: 12px; color: #475569; padding: 0 12px 6px; background: #f8fafc; min-height: 0; }
.error { font-size: 13px; color: #b91c1c; padding: 6px 12px; background: #fef2f2; }
.error:empty, .typing:empty { display: none; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e2e8f0; background: #fff; }
textarea {
  flex: 1; resize: none; font: inherit; color: inherit; border: 1px solid #cbd5e1; border-radius: 8px;
  padding: 8px 10px; min-height: 40px; max-height: 120px;
}
.send { border: none; background: var(--hd-color); color: #fff; border-radius: 8px; padding: 0 14px; font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .root { right: 12px; bottom: 12px; }
  .panel { position: fixed; inset: 0; width: 100vw; height: 100dvh; border-radius: 0; }
}
`
}
