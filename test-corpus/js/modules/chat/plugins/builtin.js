export default function render(msg) {
  return msg.payload;
}
