// node-postgres's own parameter serializer and literal quoting (pg/lib/utils.js), which its package exports but its
// types do not declare: the PGlite dialect sends parameters exactly as pg does.
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue: (value: unknown) => unknown; escapeLiteral: (text: string) => string }
  export default utils
}
