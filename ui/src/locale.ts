// One place that makes dates Chinese: dayjs (week days, month names in the DatePicker) and antd's
// own strings. Note the `antd/es/...` path: `antd/locale/zh_CN` silently falls back to English in
// the Vite 8 production bundle (STACK.md).
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import zhCN from "antd/es/locale/zh_CN";

dayjs.locale("zh-cn");

export const antdLocale = zhCN;
