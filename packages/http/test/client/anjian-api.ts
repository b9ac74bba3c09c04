export interface paths {
    "/api/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the packs served / 列出检查表
         * @description The packs this server serves, with their domain's name (when the pack gives one), premises and counts of facts and items; no authentication.
         *
         *     本服务提供的检查表及其领域名称（检查表给出时）、场所类型、事实数与检查项数；无需认证。
         */
        get: operations["listPacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pack as loaded: facts (types, units, ranges, options, required, when), sections, items, rules / 检查表全文（用于渲染表单）
         * @description A pack as loaded (includes merged): facts with types, units, ranges, options, required and when; sections and items; hazard rules, conditions and composites — everything a form needs. The shape is core's pack.schema.json.
         *
         *     已加载的检查表（已合并引用文件）：事实的类型、单位、范围、选项、必填与显示条件，分组与检查项，隐患规则与综合判定——渲染表单所需的全部内容。结构同 pack.schema.json。
         */
        get: operations["getPack"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schema/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * JSON Schema of pack files / 检查表文件的 JSON Schema
         * @description The JSON Schema (2020-12) pack files are written against.
         *
         *     检查表文件的 JSON Schema（2020-12）。
         */
        get: operations["getPackSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classify an inspection; with report=true, report each hazard (level, area, source derived on the server) / 提交检查记录并判定隐患
         * @description Classifies the findings of an inspection against a pack the server serves. With report=true (and an Idempotency-Key) each hazard is reported into the review chain: level, deadline, domain from the server's pack, area from the directory's record of the enterprise, source from the actor's role; a retry with the same key replays. The uploads an evidence answer names (POST /evidence first) are attached to the hazards of the items that ask that question — to every hazard for a question no item asks — and each reported event names the inspection record (inspectionId); an answer naming an upload that is unknown, someone else's or attached elsewhere is a 422 at the answer, nothing reported. A hazard whose deadline in working days would reach a year whose holiday arrangement the host has not loaded makes it a 503 CALENDAR_NOT_COVERED naming the year, no hazard reported.
         *
         *     按服务器上的检查表判定检查结果。report=true（需幂等键）时逐项上报隐患：等级、期限、领域来自检查表，区域来自企业登记信息，来源来自用户角色；相同键重试返回原结果。证据类答案引用的上传文件（先 POST /evidence）附在询问该问题的检查项所判定的隐患上（无检查项询问的问题附在每项隐患上），上报事件记录检查记录编号（inspectionId）；答案引用不存在、他人上传或已用于别处的文件时返回 422（定位到该答案），不上报任何隐患。某项隐患按工作日计算的期限经过宿主未载入节假日安排的年份时返回 503（CALENDAR_NOT_COVERED，说明年份），不上报任何隐患。
         */
        post: operations["submitInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Filter hazards, keyset-paged / 查询隐患（游标分页）
         * @description The hazards the actor may read, filtered by level, status, domain, area (with sub-areas), enterprise, provisional, overdue; ordered by (updatedAt, hazardId), paged with the opaque `next` cursor.
         *
         *     当前用户可读取的隐患，可按等级、状态、领域、区域（含下级）、企业、疑似、逾期过滤；按更新时间排序，用 next 游标翻页。
         */
        get: operations["listHazards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A hazard: folded state and history (events); ETag is the version / 隐患详情与全部记录
         * @description A hazard's state folded from its events, and every event (the audit trail); ETag is the version, to send back as If-Match; Date is the server's trusted clock at the read, so a client judges the state's deadlines (which step is open now) by the server's time rather than its own. A hazard the actor may not read is a 404, like an unknown one. A landlord reading its tenant's hazard at the premises it rents to it reads it without the tenant's penalty proceeding: no `state.penalty`, `state.caseNo` and `caseNumber` null, `penaltyReplyPeriod` null, and the history without the case filing, penalty notice, statement, hearing and decision events. `access` names the view read: `full`, or `premises` for a landlord reading its tenant's hazard (without the proceeding, whether or not there is one). `penaltyReplyPeriod` is the party's reply period of the current penalty notice, computed by the server from the notice's recorded service in working days of its calendar (《行政处罚法》第八十五条), or null while the notice is not served. When that period reaches a year whose holiday arrangement the host has not loaded, the read is still a 200 with every other field: `penaltyReplyPeriod` null and `penaltyReplyPeriodUnavailable` saying why (CALENDAR_NOT_COVERED, naming the year, 中文 and English), logged and handed to onError so the host loads it; otherwise `penaltyReplyPeriodUnavailable` is null.
         *
         *     隐患当前状态与全部事件（审计记录）；ETag 为版本号，可作为 If-Match 回传；Date 为读取时的服务器可信时间，客户端据此而非本机时钟判断期限（当前可办理的步骤）。无权读取的隐患与不存在的一样为 404。出租方查阅承租方在其出租场所的隐患时不含承租方的行政处罚程序：无 state.penalty，state.caseNo 与 caseNumber 为 null，penaltyReplyPeriod 为 null，记录中不含立案、处罚告知、陈述申辩、听证与处罚决定事件。access 说明所读视图：full 为完整视图，premises 为出租方按出租场所查阅的视图（不含承租方的行政处罚程序）。penaltyReplyPeriod 为当前行政处罚告知书的陈述申辩与听证期限，由服务器自登记的送达时间起按工作日计算（《行政处罚法》第八十五条），告知书未登记送达时为 null。该期限经过宿主未载入节假日安排的年份时仍返回 200 及其他全部字段：penaltyReplyPeriod 为 null，penaltyReplyPeriodUnavailable 说明原因（CALENDAR_NOT_COVERED，说明年份，中英文），并记录日志、交给 onError，以便宿主载入；其他情况下 penaltyReplyPeriodUnavailable 为 null。
         */
        get: operations["getHazard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a review-chain command (Idempotency-Key required, If-Match optional) / 提交审查链指令
         * @description One command of the review chain (notice, rectification, verification, case, plan, stop-work, acceptance, close…), told apart by `type`. The Idempotency-Key becomes the command id: a retry with the same key and body replays the original result (header Idempotent-Replayed); the same key with another body is a 422. If-Match pins the version (stale → 412). A hazard the actor may not read is a 404. Two-officer acts need a second enforcement officer with a certificate number, who confirms from his own session: he generates a co-sign code (POST /hazards/{id}/co-sign-codes) and the first officer sends it in the Co-Sign-Code header; the server derives him from the code, and a body that names coOfficerId is a 422 (SERVER_ASSIGNED). An act whose deadline in working days (of a notice, a report or an extension, the penalty reply periods) would reach a year whose holiday arrangement the host has not loaded is a 503 CALENDAR_NOT_COVERED naming the year; nothing is recorded.
         *
         *     审查链的一条指令（整改通知、提交整改、复查、立案、治理方案、停产停业、验收、销号等），由 `type` 区分。幂等键即指令编号：相同键和内容的重试返回原结果；相同键不同内容为 422。If-Match 固定版本（过期为 412）。无权读取的隐患为 404。两人执法的指令需要另一名持执法证的执法人员在本人账号中生成确认码（POST /hazards/{id}/co-sign-codes），由第一名执法人员在 Co-Sign-Code 请求头中提交；服务器据此认定第二名执法人员，请求体填写 coOfficerId 为 422（SERVER_ASSIGNED）。按工作日计算的期限（整改期限、上报期限、延期、陈述申辩与听证期限）经过宿主未载入节假日安排的年份时返回 503（CALENDAR_NOT_COVERED，说明年份），不作任何记录。
         */
        post: operations["sendCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/co-sign-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate the second officer's co-sign code for an act on this hazard / 生成第二名执法人员确认码
         * @description The second officer of a two-officer act generates, in his own session, a one-time code that confirms he takes part in one act on this hazard (《行政处罚法》第四十二条: two officers, both present). He tells it to the first officer, who sends the act with it in the Co-Sign-Code header; the server derives the second officer from the code. The code is 8 digits, single use, valid 5 minutes, stored only as a salted hash; generating again withdraws his earlier code for the same hazard and act. An officer holds at most 10 unused codes that have not expired: one more (for another subject or act) is 429 CO_SIGN_CODE_LIMITED, nothing kept, saying when the earliest lapses. Only an enforcement officer with a certificate number and jurisdiction may generate one (403). The code binds what he co-signs: the act's bound fields he confirms in `content` (a penalty's article, kind and fine; a stop order's scope; a level) and, for an act on a hazard, the hazard's facts as the server holds them; the answer's `content` is what it binds. The act submitted with other values, or after the facts changed, is 422 CO_SIGN_CONTENT_MISMATCH naming the field (the code is kept, the attempt counts).
         *
         *     第二名执法人员在本人账号中生成一次性确认码，确认其参与该隐患的某一执法行为；告知第一名执法人员，随该行为在 Co-Sign-Code 请求头中提交，服务器据此认定第二名执法人员。确认码 8 位数字，一次有效，5 分钟内有效，只保存加盐哈希；每人同时至多 10 个未使用、未过期的确认码，超出返回 429 CO_SIGN_CODE_LIMITED 并说明最早何时失效。确认码绑定其确认的内容（处罚依据、种类、罚款金额等，及隐患事实）：提交内容不同则为 422 CO_SIGN_CONTENT_MISMATCH。
         */
        post: operations["issueCoSignCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enterprises/{id}/co-sign-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate the second officer's co-sign code for a report (inspection, observation) at this enterprise / 生成上报确认码
         * @description The second officer of a two-officer act generates, in his own session, a one-time code that confirms he takes part in one act on this enterprise (an inspection reported with POST /inspections?report=true, or a report_observation) (《行政处罚法》第四十二条: two officers, both present). He tells it to the first officer, who sends the act with it in the Co-Sign-Code header; the server derives the second officer from the code. The code is 8 digits, single use, valid 5 minutes, stored only as a salted hash; generating again withdraws his earlier code for the same enterprise (an inspection reported with POST /inspections?report=true, or a report_observation) and act. An officer holds at most 10 unused codes that have not expired: one more (for another subject or act) is 429 CO_SIGN_CODE_LIMITED, nothing kept, saying when the earliest lapses. Only an enforcement officer with a certificate number and jurisdiction may generate one (403). The code binds what he co-signs: the act's bound fields he confirms in `content` (a penalty's article, kind and fine; a stop order's scope; a level) and, for an act on a hazard, the hazard's facts as the server holds them; the answer's `content` is what it binds. The act submitted with other values, or after the facts changed, is 422 CO_SIGN_CONTENT_MISMATCH naming the field (the code is kept, the attempt counts).
         *
         *     第二名执法人员在本人账号中生成一次性确认码，确认其参与对该企业的上报（检查记录或现场发现）的某一执法行为；告知第一名执法人员，随该行为在 Co-Sign-Code 请求头中提交，服务器据此认定第二名执法人员。确认码 8 位数字，一次有效，5 分钟内有效，只保存加盐哈希；每人同时至多 10 个未使用、未过期的确认码，超出返回 429 CO_SIGN_CODE_LIMITED 并说明最早何时失效。确认码绑定其确认的内容（处罚依据、种类、罚款金额等，及隐患事实）：提交内容不同则为 422 CO_SIGN_CONTENT_MISMATCH。
         */
        post: operations["issueReportCoSignCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo or document for a command you may send on the hazard; reference it in the command by id / 上传隐患证据
         * @description The raw bytes of one JPEG, PNG, WebP or PDF (checked by its first bytes) for a hazard on which a command that carries evidence (submit_rectification, accept, lift_stop_work, and a reviewer's verify, reject, spot_check, reopen with photo_review) is open to the actor now, by the permission table: a grid inspector or officer while it may review the rectification or spot-check or reopen the closed hazard; reading the hazard is not enough (a landlord reading its tenant's hazard, or a reader whose acts take no evidence, is answered 403). The server records hash, type, size and receipt time; a command references the upload by id. The upload is the hazard's at once and is never deleted; it counts against the uploader's budget of uploads (the evidence store's, default 20 files and 100 MiB, shared with POST /evidence) for 24 h after its receipt: one more file is 429 UNBOUND_EVIDENCE_FILES, more bytes 413 UNBOUND_EVIDENCE_BYTES. The same bytes given again with the same hazard by the same uploader within those 24 h answer the first upload (201, same id): a retry of a refused command costs no budget.
         *
         *     为隐患上传一个 JPEG、PNG、WebP 或 PDF 文件（按文件头校验），仅限按权限表现在可对该隐患执行需要证据的操作（提交整改、验收、解除停产停业，及复查通过、复查不通过、抽查、重新打开时的现场照片）的用户：仅能读取隐患（如出租方读取承租方的隐患）返回 403。服务器记录哈希、类型、大小与接收时间；指令按编号引用。文件即属于该隐患，不会删除；上传后 24 小时内计入上传者的文件上限（与 POST /evidence 共用，默认 20 个、100 MiB）：超过个数返回 429，超过总量返回 413。24 小时内同一上传者为同一隐患再次上传相同文件，返回原上传（同一编号），被拒指令的重试不占额度。
         */
        post: operations["uploadHazardEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo or document for a report to come (bound to its hazard when reported) / 上传待上报的证据
         * @description An upload not yet bound to a hazard, by a role that reports (enterprise, grid, enforcement): referenced in POST /inspections?report=true and bound to the hazard it reports. Each uploader holds a budget of such uploads, set by the evidence store (default 20 files and 100 MiB): one more file is 429 UNBOUND_EVIDENCE_FILES, more bytes 413 UNBOUND_EVIDENCE_BYTES, the detail saying when the oldest frees; a report binds its uploads and frees them, and uploads never reported are deleted after the store's maxAgeMs (default 24 h) by the host's scheduler.
         *
         *     上报前上传、尚未关联隐患的证据（企业、网格员、执法人员）；在 POST /inspections?report=true 中引用后关联到所报隐患。每位上传者待上报的文件有上限（默认 20 个、100 MiB）：超过个数返回 429，超过总量返回 413，并说明最早一个何时释放；上报后不再计入，始终未上报的文件在上传 24 小时后删除。
         */
        post: operations["uploadEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The file of an upload, for whoever may read its hazard (or its uploader while unbound); thumb=1 for a thumbnail / 查看证据
         * @description The stored bytes of an upload, for whoever may read its hazard; bound to an inspection record (the photos of its answers that no hazard holds, e.g. of items that passed), for whoever may read that record; or its uploader while it is unbound. Content-Disposition inline, ETag its SHA-256.
         *
         *     证据文件内容：可读取其隐患的用户；属于检查记录的照片（未判定出隐患的检查项的照片），可读取该检查记录的用户；或未关联时的上传者；ETag 为 SHA-256。
         */
        get: operations["getEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A hazard's numbered documents / 隐患的执法文书（文号）
         * @description The document numbers (文号) allocated with the hazard's events, in order, with the verification code once the document was issued (with the command of its act). For whoever may read the hazard; a landlord reading its tenant's hazard at its premises lists only the rectification documents concerning the premises (rectification notice and order, review opinion, stop-work order, supervision listing notice), not the case and penalty documents.
         *
         *     随隐患事件分配的文号（按分配顺序），文书出具（随执法行为的指令）后附验证码。可读取该隐患的用户可查；出租方查阅承租方在其出租场所的隐患时只列出涉及场所的整改类文书（整改通知书、责令限期整改指令书、复查意见书、现场处理措施决定书、挂牌督办通知书），不含立案与行政处罚文书。
         */
        get: operations["listHazardDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/documents/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Render a hazard's document as print-ready HTML or PDF / 生成执法文书（HTML 或 PDF）
         * @description The document of this kind issued by the hazard's latest event that issues it (or `event`), as it was issued: the content the register stored when the command of its act issued it (composed then on the server from the stored events, the number allocated with the event and the directory; nothing in a request is ever printed), byte for byte — the same content hash, verification and bytes whatever the directory and templates became since. Reading never issues: numbered but not issued, or never issued by the hazard's events, a 404. A document issued before the store kept contents is composed again and served only while its hash is the registered one (header X-Document-Source: recomposed, else register), else a 409 that says so; a stored content that does not match its hash (changed outside the store) is a 409 too. Headers X-Document-Number, X-Verification-Code, X-Content-Hash, X-Document-Source. For whoever may read the hazard; a landlord reading its tenant's hazard is refused (403 DOCUMENT_NOT_FOR_LANDLORD, by the kind alone) a case or penalty document.
         *
         *     按出具时的原样提供文书：文书由产生它的执法行为（指令）出具时组装（由服务器根据已存事件、随事件分配的文号和目录生成，请求中的内容不会印在文书上），登记摘要、验证码并保存原文；此后无论目录或模板如何变更，均提供该原文（摘要、验证码和字节不变）。阅读不出具文书：已编号未出具或未出具过该文书返回 404。存储保存原文之前出具的文书按记录重新生成，仅当摘要与登记一致时提供（响应头 X-Document-Source: recomposed），否则返回 409 并说明原因；保存的原文与摘要不符（被绕过系统修改）亦返回 409。出租方查阅承租方隐患的立案或行政处罚文书返回 403（仅按种类判断）。
         */
        get: operations["renderHazardDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/verify/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a verification code (and hash) against the register; public / 核验文书验证码
         * @description Whether a document with this verification code was issued, and, with `hash` (from the QR code), whether the presented document is the one issued (`unchanged`) or not (`altered`). Public: the answer carries only the kind, number, issue date and recorded hash.
         *
         *     核验验证码是否对应已出具的文书；附 hash（二维码中）时核验是否与出具时一致（unchanged）或被改动（altered）。公开接口，仅返回文书种类、文号、出具日期和登记的摘要。
         */
        get: operations["verifyDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/documents/{kind}/{number}/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the delivery (送达) of an issued document / 登记文书送达
         * @description By an officer the document names (its two officers, or the grid inspector who issued a notice). The document must have been rendered (its hash recorded) and not voided; a document is served once. `number` is `<year>-<seq>` of its 文号. The body carries what the officer observed: `servedAt`, when the service took effect (for post, the date on the postal receipt; for electronic, its arrival in the recipient’s designated system; for entrusted, the date on the proof of service — required for these three, only direct defaults to now); for a public notice (`public_notice`) instead `publishedOn`, the day it was published — the server derives `servedAt`, the end of the 30th day after it (视为送达). A field that does not fit the method is a 422 at its pointer.
         *
         *     由文书署名的执法人员（或出具通知的网格员）登记。文书须已生成且未作废；每份文书只登记一次送达。请求只含执法人员所见：servedAt 为送达时间（邮寄送达为回执上注明的收件日期，电子送达为到达受送达人特定系统的时间，委托送达为送达回证上的日期——这三种必填，仅直接送达不填为现在）；公告送达改填 publishedOn（公告发出日期），送达时间由服务器计算为其后第三十日届满之时（视为送达）。与送达方式不符的字段返回 422 并指明字段。
         */
        post: operations["recordDocumentService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/documents/{kind}/{number}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the enterprise's receipt: signature and date, or refusal with a witness / 登记签收或拒签
         * @description After the delivery, by an officer the document names: `signed` (who signed, the date written) or `refused` (a named witness and their position: 留置送达). Once per document; not for a voided one.
         *
         *     送达后由文书署名人员登记：签收（签收人、日期）或拒绝签收（见证人及其身份，留置送达）。每份文书一次；作废文书不可登记。
         */
        post: operations["recordDocumentReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/documents/{kind}/{number}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a numbered document whose issue was refused at its command / 补办出具已编号的文书
         * @description A document is issued with the command of the act that issues it. When that was refused (the directory lacked a required value, e.g. the enterprise address) the act stands and its number is taken; once the directory is complete, an officer the document names issues it here: composed from the record, hash, verification code and content registered (201). Already issued with the same content: the same answer (and a document issued before the store kept contents has its content stored now); other content: 409 DOCUMENT_CHANGED. No body.
         *
         *     文书随产生它的执法行为出具；出具被拒（如目录缺少企业地址）时行为仍有效、文号已占用，补全目录后由文书署名人员在此出具（201，登记摘要、验证码并保存原文）。已出具且内容相同返回相同结果（存储保存原文之前出具的文书此时补存原文），内容不同返回 409。
         */
        post: operations["issueDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/documents/{kind}/{number}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void a document: its number stays taken and says so / 作废文书（文号保留）
         * @description By an officer the document names, with a reason. The number is never reused; verification answers `voided` with the time and reason; service can no longer be recorded. Voiding twice is a 409.
         *
         *     由文书署名人员填写原因作废。文号不再使用；核验返回 voided 及作废时间与原因；不能再登记送达。
         */
        post: operations["voidDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/verify/{code}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a PDF file, byte for byte, against the document issued under a code / 核验 PDF 文件
         * @description The PDF is deterministic: the server renders the document as issued (the content the register stored at issue; one issued before the store kept contents is composed again and must give the registered content hash, else 409 DOCUMENT_CHANGED) with its font; the uploaded bytes are `unchanged` only when they are exactly those bytes — one altered byte is `altered`. For whoever may read the hazard (rendering costs CPU; the public check is GET /documents/verify/{code}).
         *
         *     PDF 输出是确定的：服务器用其字体渲染出具时保存的文书原文（保存原文之前出具的文书按记录重新生成，摘要须与登记一致，否则 409），上传的文件逐字节相同才为 unchanged，改动一个字节即为 altered。仅可读取该隐患的用户可用。
         */
        post: operations["verifyDocumentPdf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The authenticated actor's work queue for a role (grid, enforcement, enterprise) / 待办队列
         * @description The hazards waiting for the actor in a role: a grid inspector's submitted rectifications, an officer's open major, escalated and provisional hazards, an enterprise's open hazards; soonest deadline first, at most 500. With relations configured, `rounds` lists the round members still to inspect in that role (core's collectRoundWork and roundWorkFor): a grid inspector's patrol and campaign members in its areas, an officer's campaign members of its domains and areas, an enterprise's own self-inspection rounds — due, or overdue up to 30 days after the round's end.
         *
         *     当前用户在某角色下的待办：网格员待复查的整改、执法人员的重大/移交/疑似隐患、企业自己的未结隐患；按期限排序，最多 500 条。配置了名录关系时，rounds 列出该角色在检查轮次中尚未检查的对象（待查或逾期）。
         */
        get: operations["getQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dashboard counts by level, status, domain; overdue; closure rate / 统计
         * @description Counts of the hazards the actor may read, filtered like GET /hazards: by level, status and domain, closed, closure rate, overdue; groupBy=month adds one row per month.
         *
         *     当前用户可读取的隐患统计（过滤参数同 GET /hazards）：按等级、状态、领域计数，已销号数、销号率、逾期数；groupBy=month 按月分组。
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notification queue: counts by state, oldest waiting message, next retry; and the dead letters / 通知队列状态与发送失败的通知
         * @description For actors who read every hazard (dead letters name other enterprises' hazards): the notification queue by state and the messages that could not be delivered.
         *
         *     仅限可读取全部隐患的用户：通知队列各状态计数与发送失败的通知。
         */
        get: operations["getOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the whole audit trail: hash chain, log order, signed checkpoints, hazard list, outbox, denials, issued documents / 核验全部审计记录
         * @description Department admins only. Recomputes every event hash and chain link, the global log order, each signed checkpoint (with the host's verifier), the hazard list against the log, the outbox, the denials, and every issued document of the register against the document trail; answers the first bad position of each kind, and every finding about an issued document.
         *
         *     仅部门管理员可调用。重新计算每个事件的哈希与链接、全局日志顺序、每个签名检查点、隐患列表、通知队列、拒绝记录，并核对登记簿中每份已出具文书与文书链；每类问题给出第一个出错位置，并逐份列出文书的问题。
         */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hazards/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * When this hazard's trail was verified, and whether it holds / 隐患记录的核验状态
         * @description For whoever may read the hazard (else 404, as GET /hazards/{id}). Checks this hazard's chain, list row and documents (issued and voided, against the document trail: the full audit's check) now, and says how far the newest signed checkpoint covers it and what the last full audit on this server found.
         *
         *     可读取该隐患的用户可调用（否则 404）。立即核验本隐患的哈希链、列表行与文书（出具与作废，对照文书链，与全量核验同一检查），并说明最新签名检查点覆盖到哪个版本、本服务最近一次全量核验的结论。
         */
        get: operations["getHazardAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API as OpenAPI 3.1 / 本接口的 OpenAPI 3.1 文档
         * @description This document, generated from the route table; no authentication.
         *
         *     由路由表生成的本文档；无需认证。
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * accept
         * @description Accept the rectification of a major hazard / 验收
         */
        AcceptCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "accept";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the officer's own uploads (POST /hazards/{id}/evidence): id and what the file shows; optional. Each received after the step reviewed (accept: the latest submission; lift_stop_work: the acceptance), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 执法人员本人上传的证据，可选；须在被审查的步骤（验收：最近一次整改提交；解除停产：验收）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件 */
            evidence?: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_before" | "photo_after" | "document" | "photo_review";
            }[];
        };
        /**
         * accepted
         * @description rectification accepted / 已验收
         */
        AcceptedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "accepted";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                note: components["schemas"]["LocalizedText"];
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence?: components["schemas"]["AttachedEvidence"][];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * approve_plan
         * @description Approve the pending treatment plan of a major hazard; its date becomes the deadline / 批准治理方案
         */
        ApprovePlanCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "approve_plan";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
        };
        /** @description evidence as the server recorded it / 服务器记录的证据 */
        AttachedEvidence: {
            id: string;
            /** @enum {unknown} */
            kind: "photo_before" | "photo_after" | "document" | "photo_review";
            sha256: string;
            /** @enum {unknown} */
            mime: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "application/json";
            size: number;
            receivedAt: string;
            claimedTakenAt?: string;
        };
        /**
         * case_filed
         * @description case filed / 已立案 — the case's number is its 立案审批表's 文号 in the document register; caseNo only in events recorded before that (typed by the officer)
         */
        CaseFiledEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "case_filed";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                /** @deprecated */
                caseNo?: string;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * Citation / 依据
         * @description A clause of a regulation, resolved against the pack's regulations. / 法规条款，已按检查表的法规列表解析。
         */
        ClassificationCitation: {
            /**
             * Regulation id / 法规编号
             * @description Id of the regulation in the pack. / 检查表中的法规编号。
             */
            regulation: string;
            /**
             * Clause / 条款
             * @description The clause cited, as written in the document. / 所引条款。
             */
            clause: string;
            /**
             * Document number / 文号
             * @description Official number, e.g. GB 50028-2006. / 正式文号或标准号。
             */
            number: string;
            /**
             * Edition / 版本
             * @description The edition cited. / 所引版本。
             */
            edition: string;
            title: components["schemas"]["ClassificationText"];
            /**
             * Edition status / 版本状态
             * @description current, or superseded (a newer edition exists; the finding may be provisional). / current 现行；superseded 已被替代。
             * @enum {unknown}
             */
            status: "current" | "superseded";
            /**
             * Confidence / 可信度
             * @description verified (checked against the original), secondary (from a secondary source), unverified. / 已核实、二手来源、未核实。
             * @enum {unknown}
             */
            confidence: "verified" | "secondary" | "unverified";
            note?: components["schemas"]["ClassificationText"];
            /**
             * In force / 施行中
             * @description As of the inspection day: whether this edition was in force. / 按检查日期，该版本是否施行。
             */
            inForce?: boolean;
            /**
             * Effective / 施行日期
             * @description Date the edition is in force from. / 该版本施行日期。
             */
            effective?: string;
            /**
             * Withdrawn / 废止日期
             * @description Date the edition was withdrawn. / 该版本废止日期。
             */
            withdrawn?: string;
            /**
             * Replaced by / 替代版本
             * @description When withdrawn by the inspection day: the edition in force instead. / 检查日已废止时，施行中的替代版本。
             */
            replacedBy?: {
                regulation: string;
                number: string;
                edition: string;
            };
        };
        /**
         * Classification / 分类结果
         * @description Every item's outcome and every fired hazard, most severe first (core's Classification). / 每个检查项的结论与触发的隐患，最严重的在前。
         */
        ClassificationClassification: {
            /**
             * Pack / 检查表
             * @description Id and version of the pack used. / 所用检查表的编号与版本。
             */
            pack: {
                /**
                 * Pack id / 检查表编号
                 * @description The pack's id. / 检查表编号。
                 */
                id: string;
                /**
                 * Pack version / 检查表版本
                 * @description The pack's semantic version. / 检查表版本号。
                 */
                version: string;
            };
            /**
             * Premises kind / 场所类型
             * @description Premises kind id of the inspection, when given. / 检查记录中的场所类型编号。
             */
            premises?: string;
            /**
             * Inspection time / 检查时间
             * @description ISO 8601 date-time of the inspection, when given. / 检查时间（ISO 8601）。
             */
            inspectedAt?: string;
            /**
             * Law as of / 适用法规日期
             * @description The day (YYYY-MM-DD) whose law in force was applied. / 按哪一天施行的法规判定。
             */
            asOf?: string;
            /**
             * Item results / 检查项结论
             * @description One entry per item of the pack, in pack order. / 检查表每个检查项一条，按检查表顺序。
             */
            items: components["schemas"]["ClassificationItem"][];
            /**
             * Hazards / 隐患
             * @description Fired rules and composites, most severe first. / 触发的规则与综合判定，最严重的在前。
             */
            hazards: components["schemas"]["ClassificationHazard"][];
            /**
             * Summary / 汇总
             * @description Counts of outcomes and hazards. / 结论与隐患的计数。
             */
            summary: {
                /**
                 * Items by outcome / 各结论的检查项数
                 * @description Number of items per outcome. / 每种结论的检查项数量。
                 */
                items: {
                    pass: components["schemas"]["ClassificationCount"];
                    hazard: components["schemas"]["ClassificationCount"];
                    not_applicable: components["schemas"]["ClassificationCount"];
                    not_checked: components["schemas"]["ClassificationCount"];
                };
                /**
                 * Hazards by level / 各等级隐患数
                 * @description Number of fired hazards per level (rules and composites). / 每个等级的隐患数量（含综合判定）。
                 */
                hazards: {
                    major: components["schemas"]["ClassificationCount"];
                    general: components["schemas"]["ClassificationCount"];
                    simple: components["schemas"]["ClassificationCount"];
                };
                /**
                 * Provisional hazards / 疑似隐患数
                 * @description Number of hazards marked provisional (疑似). / 标记为疑似的隐患数量。
                 */
                provisional: number;
                /**
                 * Highest level / 最高等级
                 * @description The most severe level found, or null when no hazard fired. / 发现的最高等级；无隐患时为 null。
                 */
                highest: components["schemas"]["ClassificationLevel"] | null;
            };
        };
        /**
         * Count / 数量
         * @description A whole number, 0 or more. / 非负整数。
         */
        ClassificationCount: number;
        /**
         * Rectification deadline / 整改期限
         * @description "immediate" (fix on the spot), or a number of working days, days or hours. / immediate（当场整改），或若干工作日、日、小时。
         */
        ClassificationDeadline: "immediate" | {
            /**
             * Working days / 工作日
             * @description Working days to rectify. / 整改工作日数。
             */
            workingDays: number;
        } | {
            /**
             * Days / 日
             * @description Calendar days to rectify. / 整改日数。
             */
            days: number;
        } | {
            /**
             * Hours / 小时
             * @description Hours to rectify. / 整改小时数。
             */
            hours: number;
        };
        /**
         * Hazard / 隐患
         * @description A fired rule or composite with its level, basis, explanation, rectification and deadline. / 触发的规则或综合判定，含等级、依据、说明、整改与期限。
         */
        ClassificationHazard: {
            /**
             * Rule id / 规则编号
             * @description Id of the hazard rule or composite. / 隐患规则或综合判定编号。
             */
            rule: string;
            /**
             * Item id / 检查项编号
             * @description Item of the rule; absent for composites. / 规则所属检查项；综合判定无此项。
             */
            item?: string;
            /**
             * Kind / 类型
             * @description rule (one item) or composite (N of M rules). / rule 单项规则；composite 综合判定。
             * @enum {unknown}
             */
            kind: "rule" | "composite";
            level: components["schemas"]["ClassificationLevel"];
            /**
             * Provisional / 疑似
             * @description True when every citation is superseded, not in force on the inspection day or unverified, or when the rule or composite says confirmation: collective (people decide the level, e.g. a major fire hazard by collective discussion): the level is a suggestion an officer must confirm. / 所有依据均已被替代、当日未施行或未核实，或规则标 confirmation: collective（等级由人确定，如重大火灾隐患由集体讨论确定）时为 true：等级仅为建议，须执法人员确认。
             */
            provisional: boolean;
            /**
             * Responsible party / 责任方
             * @description Who must rectify, e.g. user or operator. / 整改责任方。
             */
            party: string;
            title: components["schemas"]["ClassificationText"];
            /**
             * Basis / 依据
             * @description The citations the level rests on. / 等级所依据的条款。
             */
            basis: components["schemas"]["ClassificationCitation"][];
            rectification?: components["schemas"]["ClassificationText"];
            deadline: components["schemas"]["ClassificationDeadline"];
            /**
             * Observations / 观察
             * @description The comparisons that decided the hazard. / 决定隐患的比较。
             */
            observations: components["schemas"]["ClassificationObservation"][];
            /**
             * Elements / 构成项
             * @description Composites: the counted rules that fired. / 综合判定中已触发的计数规则。
             */
            elements?: string[];
            explanation: components["schemas"]["ClassificationText"];
        };
        /**
         * Item result / 检查项结论
         * @description The outcome of one checklist item. / 一个检查项的结论。
         */
        ClassificationItem: {
            /**
             * Item id / 检查项编号
             * @description Id of the item. / 检查项编号。
             */
            item: string;
            /**
             * Section id / 章节编号
             * @description Id of the section holding the item. / 所属章节编号。
             */
            section: string;
            outcome: components["schemas"]["ClassificationOutcome"];
            level?: components["schemas"]["ClassificationLevel"];
            /**
             * Fired rules / 触发的规则
             * @description Ids of the item's rules that fired, most severe first. / 触发的规则编号，最严重的在前。
             */
            hazards: string[];
            /**
             * Missing answers / 缺少的答案
             * @description Required facts that were missing (when not_checked). / 未填写的必答事实（结论为 not_checked 时）。
             */
            missing?: string[];
        };
        /**
         * Hazard level / 隐患等级
         * @description major 重大事故隐患, general 一般事故隐患, simple 简易隐患.
         * @enum {unknown}
         */
        ClassificationLevel: "major" | "general" | "simple";
        /**
         * Observation / 观察
         * @description A comparison that decided the hazard: the recorded value against the rule's threshold. / 决定隐患的比较：记录值与规则阈值。
         */
        ClassificationObservation: {
            /**
             * Fact / 事实
             * @description Fact id compared. / 被比较的事实编号。
             */
            fact: string;
            /**
             * Operator / 运算符
             * @description Operator of the comparison, e.g. greaterThan. / 比较运算符。
             */
            operator: string;
            /**
             * Recorded value / 记录值
             * @description The value recorded for the fact (after path); absent when missing. / 事实的记录值；缺失时不出现。
             */
            actual?: unknown;
            /**
             * Threshold / 阈值
             * @description The rule's value, or the referenced fact's value. / 规则的比较值，或所引用事实的值。
             */
            expected?: unknown;
            /**
             * Path / 路径
             * @description Property path inside the fact's value, e.g. $.a.b. / 事实值内的属性路径。
             */
            path?: string;
            /**
             * Referenced fact / 引用的事实
             * @description When the threshold is another fact's value: that fact. / 阈值取自另一事实时，该事实编号。
             */
            valueFact?: string;
            /**
             * Time reference / 时间参照
             * @description Duration operators: the fact the time was measured from. / 时长运算符的起算事实。
             */
            reference?: string;
            /**
             * Negated / 取反
             * @description True when the comparison decided through a not: it did not hold. / 通过 not 决定时为 true，即比较不成立。
             */
            negated?: boolean;
        };
        /**
         * Item outcome / 检查项结论
         * @description pass 合格, hazard 存在隐患, not_applicable 不适用, not_checked 未检查（缺少必答项）.
         * @enum {unknown}
         */
        ClassificationOutcome: "pass" | "hazard" | "not_applicable" | "not_checked";
        /**
         * Bilingual text / 双语文本
         * @description Text in Chinese (zh-CN) and English (en). / 中文（zh-CN）与英文（en）文本。
         */
        ClassificationText: {
            /**
             * Chinese / 中文
             * @description Simplified Chinese text. / 简体中文文本。
             */
            "zh-CN"?: string;
            /**
             * English / 英文
             * @description English text. / 英文文本。
             */
            en?: string;
        };
        /**
         * close
         * @description Close (销号) / 销号
         */
        CloseCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "close";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * closed
         * @description closed (销号) / 已销号
         */
        ClosedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "closed";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                note?: components["schemas"]["LocalizedText"];
                fixedOnSpot?: boolean;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * confirm_level
         * @description Confirm a provisional level / 确认疑似等级
         */
        ConfirmLevelCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "confirm_level";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /**
             * @description hazard level / 隐患等级
             * @enum {unknown}
             */
            level: "simple" | "general" | "major";
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * decide_penalty
         * @description Decide the penalty (行政处罚决定), two officers; not before the reply period ends or the party was heard, never heavier than notified / 行政处罚决定
         */
        DecidePenaltyCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "decide_penalty";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description the penalty and the article of the law it rests on; a fine in whole yuan, inside the article’s range / 处罚种类、依据和罚款数额 */
            penalty: {
                /**
                 * @description the article (《安全生产法》第一百零一、一百零二条) / 处罚依据
                 * @enum {unknown}
                 */
                article: "work-safety-law-2021/102" | "work-safety-law-2021/102-refusal" | "work-safety-law-2021/101" | "work-safety-law-2021/101-overdue";
                /**
                 * @description warning 警告, fine 罚款, suspend_production 责令停产停业整顿
                 * @enum {unknown}
                 */
                kind: "warning" | "fine" | "suspend_production";
                /** @description fine in yuan / 罚款（元） */
                fineAmount?: number;
            };
        };
        /**
         * delist
         * @description End the listing for supervision (摘牌), two officers / 摘牌
         */
        DelistCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delist";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * delisted
         * @description listing ended (摘牌) / 已摘牌
         */
        DelistedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delisted";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                note: components["schemas"]["LocalizedText"];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * deny_extension
         * @description Deny the pending extension / 不同意延期
         */
        DenyExtensionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "deny_extension";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * due_soon_warned
         * @description deadline near / 到期提醒
         */
        DueSoonWarnedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "due_soon_warned";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                deadline: string;
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * escalate
         * @description Escalate to enforcement / 移交执法
         */
        EscalateCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "escalate";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
            /** @description ISO 8601 with offset, e.g. 2026-11-02T09:00:00+08:00 / 带时区的时间 */
            overdueDeadline?: string;
        };
        /**
         * escalated
         * @description escalated to enforcement / 已移交执法
         */
        EscalatedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "escalated";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                reason: components["schemas"]["LocalizedText"];
                overdueDeadline?: string;
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * extension_denied
         * @description extension denied / 不同意延期
         */
        ExtensionDeniedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "extension_denied";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                reason: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * extension_granted
         * @description extension granted / 已同意延期
         */
        ExtensionGrantedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "extension_granted";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                from: string;
                to: string;
                note?: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * extension_requested
         * @description extension requested / 已申请延期
         */
        ExtensionRequestedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "extension_requested";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                extension: components["schemas"]["ClassificationDeadline"];
                reason: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * file_case
         * @description File a case (立案), two officers; no number in the body — the case's number is the 文号 the document register gives its 立案审批表 (a body with caseNo is 422 SERVER_ASSIGNED) / 立案（案号由服务器分配，即立案审批表的文号）
         */
        FileCaseCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "file_case";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
        };
        /**
         * grant_extension
         * @description Grant the pending extension / 同意延期
         */
        GrantExtensionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "grant_extension";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
        };
        /** @description the hazard as its events make it / 由事件推导的隐患状态 */
        HazardState: {
            hazardId: string;
            version: number;
            /** @enum {unknown} */
            status: "reported" | "rectifying" | "submitted" | "verified" | "escalated" | "case_filed" | "accepted" | "closed";
            /** @enum {unknown} */
            level: "simple" | "general" | "major";
            /** @description level awaits confirmation (疑似) / 等级待确认 */
            provisional: boolean;
            title: components["schemas"]["LocalizedText"];
            domain: string;
            area: string;
            enterpriseId: string;
            unitId?: string | null;
            /** @description the premises it was found at (only when it has one) / 隐患所在场所 */
            premisesId?: string;
            /** @description the premises' landlord when the enterprise is a tenant there / 出租方 */
            landlordEnterpriseId?: string;
            /** @enum {unknown} */
            source: "self_check" | "grid_patrol" | "enforcement" | "sensor" | "permit";
            pack: {
                id: string;
                version: string;
            };
            deadlinePolicy?: components["schemas"]["ClassificationDeadline"];
            reporterId: string;
            manual?: boolean;
            wasMajor?: boolean;
            rectifierIds?: string[];
            /** @description evidence of the report / 上报证据 */
            reportEvidence?: components["schemas"]["AttachedEvidence"][];
            /** @description evidence of the rectification / 整改证据 */
            rectificationEvidence?: components["schemas"]["AttachedEvidence"][];
            /** @description when the latest rectification was submitted; a review's evidence is received after it / 最近一次整改提交时间 */
            rectificationSubmittedAt?: string | null;
            evidenceIds?: string[];
            /** @description SHA-256 of every upload attached so far; a review's or officer's evidence with the same bytes is refused / 已附证据文件的 SHA-256 */
            evidenceHashes?: string[];
            /** @description the rectifications a reviewer rejected, oldest first (present once one was); a later submission's "after" photos with the same bytes are refused / 被驳回（复查不合格）的整改提交：其整改后照片不能再次提交 */
            rejectedRectifications?: {
                submittedAt: string | null;
                rejectedAt: string;
                sha256: string[];
            }[];
            noticeIssuedAt?: string | null;
            deadline?: string | null;
            pendingExtension?: components["schemas"]["ClassificationDeadline"] | null;
            warnedFor?: string | null;
            overdueNoticedFor?: string | null;
            escalatedFor?: string | null;
            /** @description when the case was filed (立案), or null; its number is the 文号 of its 立案审批表 (GET /hazards/{id}/documents) / 立案时间 */
            caseFiledAt?: string | null;
            /**
             * @deprecated
             * @description a number typed when filing a case before the server numbered cases; null since / 旧版手填案号
             */
            caseNo?: string | null;
            listed?: boolean;
            /** @enum {unknown} */
            stopWork?: "partial" | "whole" | null;
            plan?: {
                objectives: components["schemas"]["LocalizedText"];
                measures: components["schemas"]["LocalizedText"];
                fundsAndMaterials: components["schemas"]["LocalizedText"];
                responsible: components["schemas"]["LocalizedText"];
                deadline: string;
                milestones: components["schemas"]["LocalizedText"];
                safetyAndEmergency: components["schemas"]["LocalizedText"];
            } | null;
            /** @description an enforcement officer approved the current plan: its date is the deadline / 治理方案已批准 */
            planApproved?: boolean;
            acceptedBy?: string | null;
            acceptedOfficers?: string[];
            /** @description when the major hazard was accepted (验收); the lifting of its stop-work order takes evidence received after it / 验收时间 */
            acceptedAt?: string | null;
            closedBy?: string | null;
            /** @description when the hazard was closed (销号); a spot check's or reopening's evidence is received after it / 销号时间 */
            closedAt?: string | null;
            /** @description the administrative penalty of the case, once notified (行政处罚告知 → 陈述申辩 → 决定) / 行政处罚 */
            penalty?: {
                notified: {
                    article: string;
                    /** @enum {unknown} */
                    kind: "warning" | "fine" | "suspend_production";
                    fineAmount?: number;
                };
                notifiedAt: string;
                /** @description end of the period to state and defend, computed by the server / 陈述申辩期限 */
                statementDeadline: string;
                /** @description the penalty carries the right to a hearing / 听证权利 */
                hearingRight: boolean;
                hearingDeadline: string | null;
                statement: {
                    recordedAt: string;
                    hearingRequested: boolean;
                    /** @description recorded by the enterprise itself (an officer's record waives nothing) / 当事人本人记录 */
                    byParty: boolean;
                } | null;
                /** @description the officers of the notice (they do not preside the hearing) / 告知的执法人员 */
                notifiedBy: string[];
                hearing: {
                    recordedAt: string;
                    presidedBy: string;
                } | null;
                hearingWithdrawn: {
                    recordedAt: string;
                } | null;
                decided: {
                    article: string;
                    /** @enum {unknown} */
                    kind: "warning" | "fine" | "suspend_production";
                    fineAmount?: number;
                } | null;
                decidedAt: string | null;
            };
            reopenCount?: number;
            createdAt: string;
            updatedAt: string;
            lastOccurredAt?: string;
            lastHash?: string;
        };
        HazardSummary: {
            hazardId: string;
            version: number;
            /** @enum {unknown} */
            status: "reported" | "rectifying" | "submitted" | "verified" | "escalated" | "case_filed" | "accepted" | "closed";
            /** @enum {unknown} */
            level: "simple" | "general" | "major";
            provisional: boolean;
            domain: string;
            area: string;
            enterpriseId: string;
            /** @description the premises it was found at, when it has one (rental directory) / 隐患所在场所 */
            premisesId?: string;
            deadline: string | null;
            createdAt: string;
            updatedAt: string;
        };
        /**
         * hearing_held
         * @description hearing held (听证) / 已听证
         */
        HearingHeldEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "hearing_held";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                report: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * hearing_withdrawn
         * @description hearing request withdrawn by the party before the hearing (撤回听证要求) / 已撤回听证要求
         */
        HearingWithdrawnEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "hearing_withdrawn";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                reason: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        Issue: {
            code: string;
            /** @enum {unknown} */
            severity: "error" | "warning" | "info";
            pointer?: string;
            /** @description the query parameter at fault, when the issue is about one (cut to 64 characters) / 出错的查询参数 */
            parameter?: string;
            message: components["schemas"]["LocalizedText"];
            hint?: components["schemas"]["LocalizedText"];
        };
        /**
         * issue_notice
         * @description Issue a rectification notice (责令限期整改); no number in the body — the notice's number is the 文号 the document register gives its 隐患整改通知书 or 责令限期整改指令书 (a body with noticeNo is 422 SERVER_ASSIGNED) / 下达整改通知（文号由服务器分配）
         */
        IssueNoticeCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "issue_notice";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * level_confirmed
         * @description provisional level confirmed / 等级已确认
         */
        LevelConfirmedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "level_confirmed";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                /** @enum {unknown} */
                from: "simple" | "general" | "major";
                /** @enum {unknown} */
                to: "simple" | "general" | "major";
                reason: components["schemas"]["LocalizedText"];
                runningDeadline?: string;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * lift_stop_work
         * @description Lift the stop-work order after review (复产), two officers / 复产
         */
        LiftStopWorkCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lift_stop_work";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the officer's own uploads (POST /hazards/{id}/evidence): id and what the file shows; optional. Each received after the step reviewed (accept: the latest submission; lift_stop_work: the acceptance), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 执法人员本人上传的证据，可选；须在被审查的步骤（验收：最近一次整改提交；解除停产：验收）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件 */
            evidence?: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_before" | "photo_after" | "document" | "photo_review";
            }[];
        };
        /**
         * listed_for_supervision
         * @description listed for supervision / 已挂牌督办
         */
        ListedForSupervisionEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "listed_for_supervision";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                authority: components["schemas"]["LocalizedText"];
                note?: components["schemas"]["LocalizedText"];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * list_for_supervision
         * @description List a major hazard for supervision (挂牌督办) / 挂牌督办
         */
        ListForSupervisionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "list_for_supervision";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description the listing authority / 督办机关 */
            authority: {
                "zh-CN": string;
                en?: string;
            };
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
        };
        /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
        LocalizedText: {
            "zh-CN": string;
            en?: string;
        };
        /**
         * notice_issued
         * @description rectification notice issued / 已下达整改通知 — the notice's number is its document's 文号 in the document register; noticeNo only in events recorded before that (typed by the officer or grid inspector)
         */
        NoticeIssuedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "notice_issued";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                deadline: string;
                policy: components["schemas"]["ClassificationDeadline"];
                /** @deprecated */
                noticeNo?: string;
                note?: components["schemas"]["LocalizedText"];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * notice_overdue
         * @description Record that the deadline passed (system) / 逾期记录
         */
        NoticeOverdueCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "notice_overdue";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description ISO 8601 with offset, e.g. 2026-11-02T09:00:00+08:00 / 带时区的时间 */
            deadline: string;
        };
        /**
         * notify_penalty
         * @description Notify the intended penalty of a filed case (行政处罚告知), two officers; the reply period is computed by the server / 行政处罚告知
         */
        NotifyPenaltyCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "notify_penalty";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description the penalty and the article of the law it rests on; a fine in whole yuan, inside the article’s range / 处罚种类、依据和罚款数额 */
            penalty: {
                /**
                 * @description the article (《安全生产法》第一百零一、一百零二条) / 处罚依据
                 * @enum {unknown}
                 */
                article: "work-safety-law-2021/102" | "work-safety-law-2021/102-refusal" | "work-safety-law-2021/101" | "work-safety-law-2021/101-overdue";
                /**
                 * @description warning 警告, fine 罚款, suspend_production 责令停产停业整顿
                 * @enum {unknown}
                 */
                kind: "warning" | "fine" | "suspend_production";
                /** @description fine in yuan / 罚款（元） */
                fineAmount?: number;
            };
        };
        /**
         * order_stop_work
         * @description Order work stopped, two officers / 责令停产停业
         */
        OrderStopWorkCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order_stop_work";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @enum {unknown} */
            scope: "partial" | "whole";
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * overdue_noticed
         * @description deadline passed / 已逾期
         */
        OverdueNoticedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "overdue_noticed";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                deadline: string;
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * All of / 全部满足
         * @description 列出的条件全部成立。 / All listed conditions hold.
         */
        PackAllCondition: {
            /**
             * All / 全部
             * @description 全部成立的条件。 / Conditions that must all hold.
             */
            all: components["schemas"]["PackConditionList"];
        };
        /**
         * Any of / 任一满足
         * @description 列出的条件至少一个成立。 / At least one listed condition holds.
         */
        PackAnyCondition: {
            /**
             * Any / 任一
             * @description 至少一个成立的条件。 / Conditions of which one must hold.
             */
            any: components["schemas"]["PackConditionList"];
        };
        /**
         * At least / 至少
         * @description 列出的条件中至少 atLeast 个成立。 / At least atLeast of the listed conditions hold.
         */
        PackAtLeastCondition: {
            /**
             * At least / 至少
             * @description 至少成立的个数。 / How many must hold.
             */
            atLeast: number;
            /**
             * Of / 条件
             * @description 被计数的条件。 / The conditions counted.
             */
            of: components["schemas"]["PackConditionList"];
        };
        /**
         * Basis / 依据
         * @description 规则所依据的条款；重大隐患必须填写。 / Clauses the rule rests on; required for major hazards.
         */
        PackBasis: components["schemas"]["PackCitation"][];
        /**
         * Citation / 引用
         * @description 引用一条条款作为依据。 / One clause cited as the basis.
         */
        PackCitation: {
            /**
             * Regulation / 法规
             * @description 在 regulations 中声明的法规编号。 / Id of a regulation declared under regulations.
             */
            regulation: string;
            /**
             * Clause / 条款
             * @description 条款号，如 "第十三条(二)" 或 "5.3.2"（数字样的条款请加引号）。 / Clause, e.g. "5.3.2" (quote clause numbers).
             */
            clause: string;
            /**
             * Confidence / 可信度
             * @description 该条解读的可信度，默认取法规的。 / Confidence of this clause reading; defaults to the regulation's.
             */
            confidence?: components["schemas"]["PackConfidence"];
            /**
             * Note / 备注
             * @description 备注。 / A note.
             */
            note?: components["schemas"]["PackLocalizedText"];
        };
        /**
         * Composite determination / 综合判定
         * @description “以下隐患中至少 N 项成立 ⇒ 某等级”，如 GB 35181 的综合判定。 / "At least N of these hazards ⇒ level", e.g. GB 35181's comprehensive determination.
         */
        PackComposite: {
            /**
             * Id / 编号
             * @description 全表唯一。 / Unique across the pack.
             */
            id: string;
            /**
             * Level / 等级
             * @description 判定的等级。 / Level determined.
             */
            level: components["schemas"]["PackLevel"];
            /**
             * Title / 名称
             * @description 判定描述。 / What is determined.
             */
            title: components["schemas"]["PackLocalizedText"];
            /**
             * At least / 至少
             * @description 至少成立的隐患规则数。 / How many of the rules must fire.
             */
            atLeast: number;
            /**
             * Of / 要素
             * @description 被计数的隐患规则编号。 / Ids of the hazard rules counted.
             */
            of: string[];
            /**
             * Premises / 适用场所
             * @description 适用的场所类型；省略表示全部。 / Premises kinds it applies to; omitted means all.
             */
            premises?: components["schemas"]["PackIdList"];
            /**
             * Basis / 依据
             * @description 依据的条款。 / Clauses it rests on.
             */
            basis?: components["schemas"]["PackBasis"];
            /**
             * Confirmation / 由人确认
             * @description collective：本综合判定的等级由人确定（如重大火灾隐患由集体讨论确定），结果一律为疑似，须确认。 / collective: people decide this determination's level (e.g. a major fire hazard, by collective discussion); its findings are always provisional and must be confirmed.
             */
            confirmation?: components["schemas"]["PackConfirmation"];
            /**
             * Rectification / 整改要求
             * @description 如何整改。 / How to fix it.
             */
            rectification?: components["schemas"]["PackLocalizedText"];
            /**
             * Deadline / 期限
             * @description 整改期限。 / Time allowed to fix it.
             */
            deadline?: components["schemas"]["PackDeadline"];
            /**
             * Party / 责任方
             * @description 责任方，默认 user。 / Who is answerable; default user.
             */
            party?: components["schemas"]["PackParty"];
        };
        /**
         * Condition / 条件
         * @description all、any、not、atLeast/of、{ condition: 名称 } 或 { fact, operator, value }。 / all, any, not, atLeast/of, { condition: name } or { fact, operator, value }.
         */
        PackCondition: Record<string, never>;
        /**
         * Conditions / 条件列表
         * @description 子条件列表。 / A list of sub-conditions.
         */
        PackConditionList: components["schemas"]["PackCondition"][];
        /**
         * Condition name / 条件名
         * @description 命名条件的名称。 / A named condition's name.
         */
        PackConditionName: string;
        /**
         * Named condition / 命名条件
         * @description 引用 conditions 中定义的命名条件。 / Refer to a named condition under conditions.
         */
        PackConditionReference: {
            /**
             * Condition name / 条件名
             * @description 命名条件的名称。 / Name of the condition.
             */
            condition: string;
        };
        /**
         * Value / 比较值
         * @description 字面值、字面值列表，或 { fact: 其他事实 }。 / A literal, a list of literals, or { fact: other }.
         */
        PackConditionValue: (boolean | number | null) | string | (string | number | boolean | null)[] | {
            /**
             * Fact / 事实
             * @description 被引用的事实编号。 / Id of the referenced fact.
             */
            fact: string;
        };
        /**
         * Confidence / 可信度
         * @description 对条文解读的把握：verified 已核对原文，secondary 转引，unverified 未核实。 / How sure the reading is: verified against the original, secondary source, unverified.
         * @enum {string}
         */
        PackConfidence: "verified" | "secondary" | "unverified";
        /**
         * Confirmation / 由人确认
         * @description collective：该等级只能由人确定（如重大火灾隐患由消防救援机构集体讨论确定），检查表只能提示：无论依据是否现行、可信度如何，结果在任何检查日期都是疑似（provisional），须执法人员确认。省略：只有依据全部已替代、未施行或未核实时才是疑似。 / collective: only people decide this level (e.g. a major fire hazard is determined by the fire authority's collective discussion); a pack can only suggest it, so whatever its basis's status and confidence the finding is provisional on every inspection date and an enforcement officer confirms it. Omitted: provisional only when every citation is superseded, not in force or unverified.
         * @enum {string}
         */
        PackConfirmation: "collective";
        /**
         * Deadline policy / 整改期限
         * @description immediate（当场）或 { workingDays: N }、{ days: N }、{ hours: N }。 / immediate, or { workingDays: N }, { days: N }, { hours: N }.
         */
        PackDeadline: "immediate" | {
            /**
             * Working days / 工作日数
             * @description 工作日数，1–3650。 / Number of working days, 1–3650.
             */
            workingDays: number;
        } | {
            /**
             * Days / 天数
             * @description 自然日数，1–3650。 / Number of calendar days, 1–3650.
             */
            days: number;
        } | {
            /**
             * Hours / 小时数
             * @description 小时数，1–8760。 / Number of hours, 1–8760.
             */
            hours: number;
        };
        /**
         * Fact / 事实
         * @description 检查时记录的一项观察，也是表单中的一个字段。 / An observation an inspection records, and a form field.
         */
        PackFact: {
            /**
             * Id / 编号
             * @description 事实编号（小写加下划线），检查结果中的键。 / Fact id (snake_case), the key in findings.
             */
            id: string;
            /**
             * Type / 类型
             * @description boolean 是否、number 数值、count 计数、enum 单选、multi 多选、text 文字、date 日期、datetime 时间、evidence 照片或文件。 / boolean, number, count, enum, multi, text, date, datetime, evidence.
             * @enum {string}
             */
            type: "boolean" | "number" | "count" | "enum" | "multi" | "text" | "date" | "datetime" | "evidence";
            /**
             * Label / 名称
             * @description 表单中显示的问题。 / The question shown on the form.
             */
            label: components["schemas"]["PackLocalizedText"];
            /**
             * Hint / 提示
             * @description 如何检查的提示。 / How to check it.
             */
            hint?: components["schemas"]["PackLocalizedText"];
            /**
             * Unit / 单位
             * @description 数值的单位，如 m、%LEL。 / Unit of a number, e.g. m, %LEL.
             */
            unit?: string;
            /**
             * Minimum / 最小值
             * @description 允许的最小值。 / Smallest allowed value.
             */
            min?: number;
            /**
             * Maximum / 最大值
             * @description 允许的最大值。 / Largest allowed value.
             */
            max?: number;
            /**
             * Options / 选项
             * @description enum 和 multi 事实的选项。 / Options of enum and multi facts.
             */
            options?: components["schemas"]["PackFactOption"][];
            /**
             * Maximum length / 最大长度
             * @description 文字的最大长度。 / Maximum length of text.
             */
            maxLength?: number;
            /**
             * Required / 必答
             * @description 必答项缺失时，相关检查项记为“未检查”。默认 false。 / A missing required fact makes its items not_checked. Default false.
             */
            required?: boolean;
            /**
             * Applies when / 适用条件
             * @description 何时询问该事实；省略表示总是询问。 / When the question is asked; omitted means always.
             */
            when?: components["schemas"]["PackCondition"];
        };
        /**
         * Option / 选项
         * @description 枚举或多选事实的一个选项。 / One option of an enum or multi fact.
         */
        PackFactOption: {
            /**
             * Value / 取值
             * @description 记录在检查结果中的值，如 lpg。 / The value recorded in findings, e.g. lpg.
             */
            value: string;
            /**
             * Label / 名称
             * @description 显示给检查人员的文字。 / Text shown to the inspector.
             */
            label: components["schemas"]["PackLocalizedText"];
        };
        /**
         * Hazard rule / 隐患规则
         * @description 何种检查结果构成何种等级的隐患。 / Which finding makes which level of hazard.
         */
        PackHazardRule: {
            /**
             * Id / 编号
             * @description 全表唯一，如 GAS-003-H1。 / Unique across the pack, e.g. GAS-003-H1.
             */
            id: string;
            /**
             * Level / 等级
             * @description 隐患等级。 / Hazard level.
             */
            level: components["schemas"]["PackLevel"];
            /**
             * Title / 名称
             * @description 隐患描述。 / What the hazard is.
             */
            title: components["schemas"]["PackLocalizedText"];
            /**
             * When / 条件
             * @description 隐患成立的条件。 / When the hazard is present.
             */
            when: components["schemas"]["PackCondition"];
            /**
             * Basis / 依据
             * @description 依据的条款。 / Clauses the rule rests on.
             */
            basis?: components["schemas"]["PackBasis"];
            /**
             * Confirmation / 由人确认
             * @description collective：本规则的等级由人确定（如重大火灾隐患由集体讨论确定），结果一律为疑似，须确认。 / collective: people decide this rule's level (e.g. a major fire hazard, by collective discussion); its findings are always provisional and must be confirmed.
             */
            confirmation?: components["schemas"]["PackConfirmation"];
            /**
             * Rectification / 整改要求
             * @description 如何整改。 / How to fix it.
             */
            rectification?: components["schemas"]["PackLocalizedText"];
            /**
             * Deadline / 期限
             * @description 整改期限。 / Time allowed to fix it.
             */
            deadline?: components["schemas"]["PackDeadline"];
            /**
             * Party / 责任方
             * @description 责任方，默认 user。 / Who is answerable; default user.
             */
            party?: components["schemas"]["PackParty"];
        };
        /**
         * Id list / 编号列表
         * @description 编号列表。 / A list of ids.
         */
        PackIdList: string[];
        /**
         * Checklist item / 检查项
         * @description 检查人员检查的一件事。 / One thing the inspector checks.
         */
        PackItem: {
            /**
             * Id / 编号
             * @description 全表唯一，如 GAS-003。 / Unique across the pack, e.g. GAS-003.
             */
            id: string;
            /**
             * Title / 名称
             * @description 检查项名称。 / Name of the item.
             */
            title: components["schemas"]["PackLocalizedText"];
            /**
             * Description / 说明
             * @description 补充说明。 / More detail.
             */
            description?: components["schemas"]["PackLocalizedText"];
            /**
             * Asks / 询问的事实
             * @description 该项询问的事实编号。 / Ids of the facts the item asks.
             */
            asks: string[];
            /**
             * Premises / 适用场所
             * @description 适用的场所类型；省略表示全部。 / Premises kinds it applies to; omitted means all.
             */
            premises?: components["schemas"]["PackIdList"];
            /**
             * Applies when / 适用条件
             * @description 何时适用；省略表示总是。 / When the item applies; omitted means always.
             */
            when?: components["schemas"]["PackCondition"];
            /**
             * Hazard rules / 隐患规则
             * @description 该项的隐患规则。 / The item's hazard rules.
             */
            hazards?: components["schemas"]["PackHazardRule"][];
        };
        /**
         * Comparison / 比较
         * @description 把一个事实与一个值比较。 / Compare a fact with a value.
         */
        PackLeafCondition: {
            /**
             * Fact / 事实
             * @description 事实编号，或保留事实 $premises、$inspectedAt。 / A fact id, or the reserved $premises, $inspectedAt.
             */
            fact: string;
            /**
             * Operator / 运算符
             * @description 如 equal、greaterThan、in、between、olderThanDays。 / E.g. equal, greaterThan, in, between, olderThanDays.
             */
            operator: string;
            /**
             * Value / 比较值
             * @description 与事实比较的值。 / The value the fact is compared with.
             */
            value: components["schemas"]["PackConditionValue"];
            /**
             * Path / 路径
             * @description 事实值内部的属性访问，如 $.a.b[0]；不允许过滤器或脚本。 / Property access into the fact's value, like $.a.b[0]; no filters or scripts.
             */
            path?: string;
            /**
             * Parameters / 参数
             * @description 运算符参数，如 { reference: 另一个日期事实 }。 / Operator parameters, e.g. { reference: another date fact }.
             */
            params?: {
                [key: string]: string | number | boolean;
            };
        };
        /**
         * Hazard level / 隐患等级
         * @description simple 简易隐患（当场整改）、general 一般事故隐患（限期整改）、major 重大事故隐患。 / simple (fixed on the spot), general (fixed by a deadline), major.
         * @enum {string}
         */
        PackLevel: "simple" | "general" | "major";
        /**
         * Bilingual text / 双语文本
         * @description 中文（必填）与英文（建议填写）。 / Chinese (required) and English (strongly expected).
         */
        PackLocalizedText: {
            /**
             * 中文 / Chinese
             * @description 简体中文文本，必填。 / Simplified Chinese text, required.
             */
            "zh-CN": string;
            /**
             * English / 英文
             * @description 英文文本；缺少时给出警告。 / English text; a warning when missing.
             */
            en?: string;
        };
        /**
         * Not / 不成立
         * @description 条件不成立。 / The condition does not hold.
         */
        PackNotCondition: {
            /**
             * Not / 非
             * @description 取反的条件。 / The negated condition.
             */
            not: components["schemas"]["PackCondition"];
        };
        /**
         * Pack file / 检查表主文件
         * @description 检查表的主文件 pack.yaml。 / The entry file of a pack, pack.yaml.
         */
        PackPackFile: {
            /**
             * Format / 格式
             * @description 固定为 anjian/pack@1。 / Always anjian/pack@1.
             * @constant
             */
            format: "anjian/pack@1";
            /**
             * Id / 编号
             * @description 检查表编号，如 gas-restaurant。 / Pack id, e.g. gas-restaurant.
             */
            id: string;
            /**
             * Version / 版本
             * @description 语义化版本号，如 1.2.0。 / Semantic version, e.g. 1.2.0.
             */
            version: string;
            /**
             * Domain / 领域
             * @description 领域：gas 燃气、fire 消防、confined_space 有限空间、chemicals 危险化学品、hazardous_work 危险作业等。 / Domain: gas, fire, confined_space, chemicals, hazardous_work …
             * @example gas
             * @example fire
             * @example confined_space
             * @example chemicals
             * @example hazardous_work
             */
            domain: string;
            /**
             * Domain name / 领域名称
             * @description 领域的名称，报表和界面按它显示领域，如 燃气 / Gas、有限空间 / Confined spaces；省略时显示检查表名称。 / The domain's name, shown for it in reports and screens, e.g. 燃气 / Gas, 有限空间 / Confined spaces; without it the pack's title is shown.
             */
            domainLabel?: components["schemas"]["PackLocalizedText"];
            /**
             * Title / 名称
             * @description 检查表名称。 / Pack title.
             */
            title: components["schemas"]["PackLocalizedText"];
            /**
             * Description / 说明
             * @description 检查表说明。 / What the pack covers.
             */
            description?: components["schemas"]["PackLocalizedText"];
            /**
             * Issuer / 发布单位
             * @description 发布检查表的部门。 / The department that issues the pack.
             */
            issuer: components["schemas"]["PackLocalizedText"];
            /**
             * Premises kinds / 场所类型
             * @description 检查表适用的场所类型。 / Premises kinds the pack applies to.
             */
            premises: components["schemas"]["PackPremisesKind"][];
            /**
             * Regulations / 法规标准
             * @description 检查表依据的法规标准。 / Regulations the pack relies on.
             */
            regulations: components["schemas"]["PackRegulation"][];
            /**
             * Facts / 事实
             * @description 检查时记录的观察（表单字段），按顺序显示。 / Observations an inspection records (form fields), in order.
             */
            facts: components["schemas"]["PackFact"][];
            /**
             * Named conditions / 命名条件
             * @description 可共用的命名条件，用 { condition: 名称 } 引用。 / Shared named conditions, referenced by { condition: name }.
             */
            conditions?: {
                [key: string]: components["schemas"]["PackCondition"];
            };
            /**
             * Include / 引入文件
             * @description 引入同一检查表目录下的其他 YAML 文件（相对路径）。 / Further YAML files of the pack (relative paths).
             */
            include?: string[];
            /**
             * Sections / 分组
             * @description 检查项分组。 / Groups of checklist items.
             */
            sections?: components["schemas"]["PackSection"][];
            /**
             * Composite determinations / 综合判定
             * @description 综合判定规则。 / Composite determinations.
             */
            composites?: components["schemas"]["PackComposite"][];
            /**
             * Default deadlines / 默认期限
             * @description 各等级的默认整改期限。 / Default deadline per level.
             */
            deadlines?: {
                /**
                 * Simple / 简易隐患
                 * @description 简易隐患的默认期限。 / Default for simple hazards.
                 */
                simple?: components["schemas"]["PackDeadline"];
                /**
                 * General / 一般隐患
                 * @description 一般事故隐患的默认期限。 / Default for general hazards.
                 */
                general?: components["schemas"]["PackDeadline"];
                /**
                 * Major / 重大隐患
                 * @description 重大事故隐患的默认期限。 / Default for major hazards.
                 */
                major?: components["schemas"]["PackDeadline"];
            };
        };
        /**
         * Answerable party / 责任方
         * @description 隐患的责任方，默认 user（使用单位）。 / Who is answerable for the hazard; default user.
         */
        PackParty: string;
        /**
         * Premises kind / 场所类型
         * @description 检查表适用的一类场所。 / A kind of premises the pack applies to.
         */
        PackPremisesKind: {
            /**
             * Id / 编号
             * @description 场所类型编号，如 restaurant。 / Premises kind id, e.g. restaurant.
             */
            id: string;
            /**
             * Label / 名称
             * @description 场所类型名称。 / Name of the premises kind.
             */
            label: components["schemas"]["PackLocalizedText"];
            /**
             * Description / 说明
             * @description 补充说明。 / More detail.
             */
            description?: components["schemas"]["PackLocalizedText"];
        };
        /**
         * Regulation / 法规标准
         * @description 检查表依据的一份法规或标准，在 basis 中按 id 引用。 / A regulation or standard the pack relies on, cited by id under basis.
         */
        PackRegulation: {
            /**
             * Id / 编号
             * @description 检查表内的引用编号，如 gb-35181。 / Pack-local id used by citations, e.g. gb-35181.
             */
            id: string;
            /**
             * Title / 名称
             * @description 法规标准名称。 / Title of the document.
             */
            title: components["schemas"]["PackLocalizedText"];
            /**
             * Document number / 文号
             * @description 官方文号或标准号，如 GB 35181-2017。 / Official number, e.g. GB 35181-2017.
             */
            number: string;
            /**
             * Edition / 版本
             * @description 版本或年份，如 "2017"。 / Edition or year, e.g. "2017".
             */
            edition: string | number;
            /**
             * Status / 状态
             * @description current 现行，superseded 已被替代。 / current (in force) or superseded.
             * @enum {string}
             */
            status: "current" | "superseded";
            /**
             * Confidence / 可信度
             * @description 对整份文件解读的把握；单条引用可以调低。 / Confidence for the document as a whole; a citation may lower it.
             */
            confidence: components["schemas"]["PackConfidence"];
            /**
             * Determination standard / 判定标准
             * @description 为 true 时表示这是国家重大事故隐患判定标准。 / True when this is a national major-hazard determination standard.
             */
            determination?: boolean;
            /**
             * Effective date / 施行日期
             * @description 施行日期，YYYY-MM-DD。 / Date in force from, YYYY-MM-DD.
             */
            effective?: string;
            /**
             * Withdrawn date / 废止日期
             * @description 废止（被替代）日期，YYYY-MM-DD；此日及以后的检查把它作为已替代版本引用。 / Date withdrawn, YYYY-MM-DD; inspections from that day cite it as superseded.
             */
            withdrawn?: string;
            /**
             * Replaced by / 替代版本
             * @description 废止后施行的版本（本检查表中另一法规的编号）。 / The edition in force after withdrawal (the id of another regulation of the pack).
             */
            replacedBy?: string;
            /**
             * Note / 备注
             * @description 备注，如“已被新版替代，条款暂保留”。 / A note, e.g. "superseded; items kept provisionally".
             */
            note?: components["schemas"]["PackLocalizedText"];
        };
        /**
         * Safe key / 安全键名
         * @description 键名不能是 __proto__、constructor、prototype。 / A key may not be __proto__, constructor or prototype.
         */
        PackSafeKey: string;
        /**
         * Section / 分组
         * @description 一组检查项，表单中的一节。 / A group of items, one section of the form.
         */
        PackSection: {
            /**
             * Id / 编号
             * @description 分组编号。 / Section id.
             */
            id: string;
            /**
             * Title / 名称
             * @description 分组名称。 / Section title.
             */
            title: components["schemas"]["PackLocalizedText"];
            /**
             * Description / 说明
             * @description 补充说明。 / More detail.
             */
            description?: components["schemas"]["PackLocalizedText"];
            /**
             * Items / 检查项
             * @description 本组的检查项。 / The items of the section.
             */
            items: components["schemas"]["PackItem"][];
        };
        /**
         * penalty_decided
         * @description penalty decided (行政处罚决定) / 已作出处罚决定
         */
        PenaltyDecidedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "penalty_decided";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                penalty: {
                    article: string;
                    /** @enum {unknown} */
                    kind: "warning" | "fine" | "suspend_production";
                    fineAmount?: number;
                };
                statementHeard: boolean;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * penalty_notified
         * @description penalty notified (行政处罚告知): reply deadlines computed by the server / 已告知拟处罚
         */
        PenaltyNotifiedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "penalty_notified";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                penalty: {
                    article: string;
                    /** @enum {unknown} */
                    kind: "warning" | "fine" | "suspend_production";
                    fineAmount?: number;
                };
                statementDeadline: string;
                hearingRight: boolean;
                hearingDeadline?: string;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * plan_approved
         * @description treatment plan approved / 治理方案已批准
         */
        PlanApprovedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "plan_approved";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                deadline: string;
                note?: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * plan_submitted
         * @description treatment plan submitted / 已提交治理方案
         */
        PlanSubmittedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "plan_submitted";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                plan: {
                    objectives: components["schemas"]["LocalizedText"];
                    measures: components["schemas"]["LocalizedText"];
                    fundsAndMaterials: components["schemas"]["LocalizedText"];
                    responsible: components["schemas"]["LocalizedText"];
                    deadline: string;
                    milestones: components["schemas"]["LocalizedText"];
                    safetyAndEmergency: components["schemas"]["LocalizedText"];
                };
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * Problem 400
         * @description Bad request: malformed body, parameter or header / 请求无效 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 400; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem400: {
            type: string;
            title: string;
            /** @constant */
            status: 400;
            detail: string;
            /** @enum {unknown} */
            code: "BAD_REQUEST" | "INVALID_CURSOR" | "INVALID_QUERY" | "UNKNOWN_QUERY_PARAMETER";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
            /** @description a 400 REPORT_SCOPE_REQUIRED: the scopes the actor may name instead (area=, domain=), from the read policy, sorted by area then domain / 可选的报表范围 */
            choices?: {
                area: string;
                domain?: string;
            }[];
        };
        /**
         * Problem 401
         * @description Not authenticated / 未认证 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 401; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem401: {
            type: string;
            title: string;
            /** @constant */
            status: 401;
            detail: string;
            /** @enum {unknown} */
            code: "UNAUTHENTICATED";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 403
         * @description Forbidden by the permission table or unknown actor / 无权操作 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 403; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem403: {
            type: string;
            title: string;
            /** @constant */
            status: 403;
            detail: string;
            /** @enum {unknown} */
            code: "CO_SIGN_CODE_INVALID" | "DOCUMENT_NOT_FOR_LANDLORD" | "DOCUMENT_OFFICERS_ONLY" | "FORBIDDEN" | "SEPARATION_OF_DUTIES" | "UNKNOWN_ACTOR";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
            /**
             * @description a 403 command refusal: why — UNKNOWN_ACTOR, ROLE (no role of the actor may send it), LEVEL (not for this level), STATE (not in this status), SCOPE (outside the enterprise, grid or jurisdiction), SEPARATION_OF_DUTIES (reporter, rectifier or a lone officer), DOWNGRADE / 拒绝原因
             * @enum {unknown}
             */
            reason?: "UNKNOWN_ACTOR" | "ROLE" | "LEVEL" | "STATE" | "SCOPE" | "SEPARATION_OF_DUTIES" | "DOWNGRADE";
        };
        /**
         * Problem 404
         * @description Not found / 未找到 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 404; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem404: {
            type: string;
            title: string;
            /** @constant */
            status: 404;
            detail: string;
            /** @enum {unknown} */
            code: "DOCUMENTS_NOT_CONFIGURED" | "DOCUMENT_KIND_UNKNOWN" | "DOCUMENT_NOT_FOUND" | "DOCUMENT_NOT_ISSUED" | "EVIDENCE_NOT_CONFIGURED" | "EVIDENCE_NOT_FOUND" | "HAZARD_NOT_FOUND" | "NOT_FOUND" | "NO_THUMBNAIL" | "PACK_NOT_FOUND" | "PDF_NOT_CONFIGURED" | "SERVICE_NOT_CONFIGURED";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 409
         * @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 409; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem409: {
            type: string;
            title: string;
            /** @constant */
            status: 409;
            detail: string;
            /** @enum {unknown} */
            code: "CONFLICT" | "DOCUMENT_ALREADY_VOIDED" | "DOCUMENT_CHANGED" | "DOCUMENT_NOT_ISSUED" | "DOCUMENT_NOT_SERVED" | "DOCUMENT_VOIDED" | "HAZARD_EXISTS" | "IDEMPOTENCY_KEY_IN_FLIGHT" | "SERVICE_ALREADY_RECORDED";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 412
         * @description Stale If-Match version (code CONFLICT) / 版本已变化 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 412; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem412: {
            type: string;
            title: string;
            /** @constant */
            status: 412;
            detail: string;
            /** @enum {unknown} */
            code: "CONFLICT";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 413
         * @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 413; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem413: {
            type: string;
            title: string;
            /** @constant */
            status: 413;
            detail: string;
            /** @enum {unknown} */
            code: "PAYLOAD_TOO_LARGE" | "UNBOUND_EVIDENCE_BYTES";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 415
         * @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 415; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem415: {
            type: string;
            title: string;
            /** @constant */
            status: 415;
            detail: string;
            /** @enum {unknown} */
            code: "UNSUPPORTED_MEDIA_TYPE";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 422
         * @description Rule violation or invalid data, with issues / 数据或规则错误 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 422; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem422: {
            type: string;
            title: string;
            /** @constant */
            status: 422;
            detail: string;
            /** @enum {unknown} */
            code: "CO_SIGN_CONTENT_MISMATCH" | "DOCUMENT_REFUSED" | "DOWNGRADE_FORBIDDEN" | "EVIDENCE_CONTENT_MISMATCH" | "EVIDENCE_INSUFFICIENT" | "EVIDENCE_INVALID" | "EXTENSION_PENDING" | "IDEMPOTENCY_KEY_REUSED" | "INVALID_COMMAND" | "INVALID_INSPECTION" | "INVALID_TRANSITION" | "LEVEL_UNCHANGED" | "NOTICE_REQUIRED" | "NOT_DUE" | "NOT_LISTED" | "NOT_PROVISIONAL" | "NO_PENDING_EXTENSION" | "NO_PENDING_PLAN" | "NO_STOP_WORK" | "OCCURRED_AT_OUT_OF_RANGE" | "PDF_FONT_MISSING" | "PLAN_INCOMPLETE" | "PLAN_NOT_APPROVED" | "PROVISIONAL_UNCONFIRMED" | "REASON_REQUIRED" | "REPORT_NOT_ALLOWED" | "SERVICE_INVALID" | "UNKNOWN_QUERY_VALUE";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 429
         * @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 429; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem429: {
            type: string;
            title: string;
            /** @constant */
            status: 429;
            detail: string;
            /** @enum {unknown} */
            code: "CO_SIGN_CODE_LIMITED" | "UNBOUND_EVIDENCE_FILES" | "UPLOADS_IN_PROGRESS";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 500
         * @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 500; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem500: {
            type: string;
            title: string;
            /** @constant */
            status: 500;
            detail: string;
            /** @enum {unknown} */
            code: "INTERNAL";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * Problem 503
         * @description CALENDAR_NOT_COVERED: the act needs a deadline in working days (a notice's, a report's running deadline, an extension, the penalty reply periods) that reaches a year whose holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) the host has not loaded in its working-day calendar; the detail names the year. Nothing is recorded; send again once the host has loaded it (logged and handed to onError, like a 500) / 节假日安排未载入：期限经过宿主未载入节假日安排的年份，未作任何记录，宿主载入后可重新提交 — application/problem+json (RFC 9457). `code` lists every code an operation of this API answers with status 503; one operation answers some of them (its description and the guide say which) / 错误；code 列出本接口所有操作在该状态下可能给出的代码，单个操作只给出其中一部分
         */
        Problem503: {
            type: string;
            title: string;
            /** @constant */
            status: 503;
            detail: string;
            /** @enum {unknown} */
            code: "CALENDAR_NOT_COVERED";
            /** @description what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条） */
            issues?: components["schemas"]["Issue"][];
            /** @description how many issues were found beyond the 100 listed / 未列出的问题数 */
            issuesOmitted?: number;
            /** @description a 500: urn:uuid of the request id in the log / 请求编号 */
            instance?: string;
        };
        /**
         * reclassified
         * @description level changed / 等级已调整
         */
        ReclassifiedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reclassified";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                /** @enum {unknown} */
                from: "simple" | "general" | "major";
                /** @enum {unknown} */
                to: "simple" | "general" | "major";
                reason: components["schemas"]["LocalizedText"];
                runningDeadline?: string;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * reclassify
         * @description Change the level / 调整等级
         */
        ReclassifyCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reclassify";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /**
             * @description hazard level / 隐患等级
             * @enum {unknown}
             */
            level: "simple" | "general" | "major";
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * record_hearing
         * @description Record the hearing the party asked for (听证), presided by an officer who investigated nothing of the case / 听证
         */
        RecordHearingCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "record_hearing";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description what the hearing found (听证报告) / 听证情况 */
            report: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * record_statement
         * @description Record the party’s statement and defence (陈述申辩) or its waiver, and whether it asks for a hearing / 陈述申辩
         */
        RecordStatementCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "record_statement";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description what the party stated, or that it waived the right / 陈述申辩内容 */
            statement: {
                "zh-CN": string;
                en?: string;
            };
            hearingRequested: boolean;
        };
        /**
         * rectification_submitted
         * @description rectification submitted / 已提交整改
         */
        RectificationSubmittedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rectification_submitted";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence: components["schemas"]["AttachedEvidence"][];
                note?: components["schemas"]["LocalizedText"];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * reject
         * @description Reject a rectification / 复查不通过
         */
        RejectCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reject";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the reviewer's own uploads (POST /hazards/{id}/evidence): photo_review, what the reviewer saw on site, or document; optional. Each received after the step reviewed (verify, reject: the latest submission; spot_check, reopen: the closing), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 复查（抽查）人员本人上传的现场照片或文件，可选；须在被复查的步骤（最近一次整改提交、销号）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件 */
            evidence?: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_review" | "document";
            }[];
        };
        /**
         * rejected
         * @description rectification rejected / 复查不通过
         */
        RejectedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rejected";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                reason: components["schemas"]["LocalizedText"];
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence?: components["schemas"]["AttachedEvidence"][];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * reopen
         * @description Reopen a closed hazard / 重新打开
         */
        ReopenCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reopen";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the reviewer's own uploads (POST /hazards/{id}/evidence): photo_review, what the reviewer saw on site, or document; optional. Each received after the step reviewed (verify, reject: the latest submission; spot_check, reopen: the closing), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 复查（抽查）人员本人上传的现场照片或文件，可选；须在被复查的步骤（最近一次整改提交、销号）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件 */
            evidence?: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_review" | "document";
            }[];
        };
        /**
         * reopened
         * @description reopened / 已重新打开
         */
        ReopenedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reopened";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                reason: components["schemas"]["LocalizedText"];
                runningDeadline?: string;
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence?: components["schemas"]["AttachedEvidence"][];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * reported
         * @description reported: level, deadline policy, basis and findings from the pack / 已上报
         */
        ReportedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reported";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                title: components["schemas"]["LocalizedText"];
                /** @enum {unknown} */
                level: "simple" | "general" | "major";
                provisional: boolean;
                basis: components["schemas"]["ClassificationCitation"][];
                deadline: components["schemas"]["ClassificationDeadline"];
                pack: {
                    id: string;
                    version: string;
                };
                domain: string;
                area: string;
                enterpriseId: string;
                unitId?: string;
                /** @description the premises inspected, checked against the rental directory / 检查的场所 */
                premisesId?: string;
                /** @description the premises' landlord when the enterprise is a tenant / 出租方 */
                landlordEnterpriseId?: string;
                /** @description the id of the inspection record that reported it (InspectionRecord.id), derived by the server / 上报该隐患的检查记录编号 */
                inspectionId?: string;
                /** @enum {unknown} */
                source: "self_check" | "grid_patrol" | "enforcement" | "sensor" | "permit";
                findings?: components["schemas"]["ClassificationHazard"][];
                /** @description evidence as the server recorded it: the request's and the photos of the inspection's answers that produced the hazard / 服务器记录的证据（含检查记录答案中的照片） */
                evidence: components["schemas"]["AttachedEvidence"][];
                fixedOnSpot?: boolean;
                /** @constant */
                manual?: true;
                description?: components["schemas"]["LocalizedText"];
                /** @description the deadline running from the report (the level’s policy from the trusted time) / 自上报起算的整改期限 */
                runningDeadline?: string;
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * report_observation
         * @description Report an observation outside any pack (provisional until confirmed) / 上报检查表之外的现场发现
         */
        ReportObservationCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "report_observation";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description what was seen / 隐患描述 */
            title: {
                "zh-CN": string;
                en?: string;
            };
            /** @description more detail / 详细说明 */
            description?: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the enterprise / 企业 */
            enterpriseId: string;
            /** @description domain, e.g. gas / 领域 */
            domain: string;
            /**
             * @description hazard level / 隐患等级
             * @enum {unknown}
             */
            level: "simple" | "general" | "major";
            /** @description references to uploads: id and what the file shows / 证据引用 */
            evidence: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_before" | "photo_after" | "document";
            }[];
        };
        /**
         * request_extension
         * @description Ask for more time / 申请延期
         */
        RequestExtensionCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "request_extension";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description exactly one of workingDays (1–3650), days (1–3650), hours (1–8760) / 延期时长 */
            extension: {
                workingDays: number;
            } | {
                days: number;
            } | {
                hours: number;
            };
            /** @description reason / 理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * spot_check
         * @description Spot-check a closed hazard / 抽查
         */
        SpotCheckCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "spot_check";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @enum {unknown} */
            result: "pass" | "fail";
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the reviewer's own uploads (POST /hazards/{id}/evidence): photo_review, what the reviewer saw on site, or document; optional. Each received after the step reviewed (verify, reject: the latest submission; spot_check, reopen: the closing), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 复查（抽查）人员本人上传的现场照片或文件，可选；须在被复查的步骤（最近一次整改提交、销号）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件 */
            evidence?: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_review" | "document";
            }[];
        };
        /**
         * spot_checked
         * @description spot-checked / 已抽查
         */
        SpotCheckedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "spot_checked";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                /** @enum {unknown} */
                result: "pass" | "fail";
                note?: components["schemas"]["LocalizedText"];
                runningDeadline?: string;
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence?: components["schemas"]["AttachedEvidence"][];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * statement_recorded
         * @description statement and defence recorded (陈述申辩) / 已记录陈述申辩
         */
        StatementRecordedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "statement_recorded";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                statement: components["schemas"]["LocalizedText"];
                hearingRequested: boolean;
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * stop_work_lifted
         * @description stop-work lifted (复产) / 已复产
         */
        StopWorkLiftedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "stop_work_lifted";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                note: components["schemas"]["LocalizedText"];
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence?: components["schemas"]["AttachedEvidence"][];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * stop_work_ordered
         * @description work stopped / 已责令停产停业
         */
        StopWorkOrderedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "stop_work_ordered";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                /** @enum {unknown} */
                scope: "partial" | "whole";
                reason: components["schemas"]["LocalizedText"];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        StoredEvent: components["schemas"]["ReportedEvent"] | components["schemas"]["ReclassifiedEvent"] | components["schemas"]["LevelConfirmedEvent"] | components["schemas"]["NoticeIssuedEvent"] | components["schemas"]["RectificationSubmittedEvent"] | components["schemas"]["VerifiedEvent"] | components["schemas"]["RejectedEvent"] | components["schemas"]["ExtensionRequestedEvent"] | components["schemas"]["ExtensionGrantedEvent"] | components["schemas"]["ExtensionDeniedEvent"] | components["schemas"]["EscalatedEvent"] | components["schemas"]["CaseFiledEvent"] | components["schemas"]["ListedForSupervisionEvent"] | components["schemas"]["PlanSubmittedEvent"] | components["schemas"]["PlanApprovedEvent"] | components["schemas"]["StopWorkOrderedEvent"] | components["schemas"]["AcceptedEvent"] | components["schemas"]["ClosedEvent"] | components["schemas"]["StopWorkLiftedEvent"] | components["schemas"]["DelistedEvent"] | components["schemas"]["ReopenedEvent"] | components["schemas"]["SpotCheckedEvent"] | components["schemas"]["DueSoonWarnedEvent"] | components["schemas"]["OverdueNoticedEvent"] | components["schemas"]["PenaltyNotifiedEvent"] | components["schemas"]["StatementRecordedEvent"] | components["schemas"]["HearingHeldEvent"] | components["schemas"]["HearingWithdrawnEvent"] | components["schemas"]["PenaltyDecidedEvent"];
        /**
         * submit_plan
         * @description Submit the treatment plan of a major hazard (治理方案) / 提交治理方案
         */
        SubmitPlanCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "submit_plan";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description the seven parts of a treatment plan; its deadline becomes the hazard’s when an officer approves the plan (approve_plan) / 治理方案 */
            plan: {
                /** @description objectives and tasks / 目标和任务 */
                objectives: {
                    "zh-CN": string;
                    en?: string;
                };
                /** @description methods and measures / 方法和措施 */
                measures: {
                    "zh-CN": string;
                    en?: string;
                };
                /** @description funds and materials / 经费和物资 */
                fundsAndMaterials: {
                    "zh-CN": string;
                    en?: string;
                };
                /** @description people responsible / 负责的人员 */
                responsible: {
                    "zh-CN": string;
                    en?: string;
                };
                /** @description ISO 8601 with offset, e.g. 2026-11-02T09:00:00+08:00 / 带时区的时间 */
                deadline: string;
                /** @description time limits and milestones / 时限和要求 */
                milestones: {
                    "zh-CN": string;
                    en?: string;
                };
                /** @description safety measures and emergency plan / 安全措施和应急预案 */
                safetyAndEmergency: {
                    "zh-CN": string;
                    en?: string;
                };
            };
        };
        /**
         * submit_rectification
         * @description Submit the rectification with evidence / 提交整改
         */
        SubmitRectificationCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "submit_rectification";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description references to uploads: id and what the file shows / 证据引用 */
            evidence: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_before" | "photo_after" | "document";
            }[];
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
        };
        /**
         * verified
         * @description rectification verified / 复查通过
         */
        VerifiedEvent: {
            /** @description <hazardId>/<version> */
            id: string;
            hazardId: string;
            version: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "verified";
            actor: {
                id: string;
                /** @enum {unknown} */
                role: "enterprise" | "grid" | "enforcement" | "department_admin" | "system";
            };
            commandId: string;
            /** @description trusted server time / 服务器记录时间 */
            recordedAt: string;
            /** @description claimed time, bounded by the chain / 声称的发生时间 */
            occurredAt: string;
            pack: {
                id: string;
                version: string;
            };
            data: {
                note?: components["schemas"]["LocalizedText"];
                /** @description evidence as the server recorded it / 服务器记录的证据 */
                evidence?: components["schemas"]["AttachedEvidence"][];
                /** @description the two officers of a two-officer act, the actor first / 两名执法人员 */
                officers?: {
                    id: string;
                    /** @description 执法证号 */
                    certificateNo: string;
                }[];
            };
            prevHash: string;
            /** @description SHA-256 of the canonical event without hash and seq / 事件哈希 */
            hash: string;
            /** @description global log position / 全局序号 */
            seq: number;
        };
        /**
         * verify
         * @description Verify a rectification on site / 复查通过
         */
        VerifyCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "verify";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description note / 说明 */
            note?: {
                "zh-CN": string;
                en?: string;
            };
            /** @description the reviewer's own uploads (POST /hazards/{id}/evidence): photo_review, what the reviewer saw on site, or document; optional. Each received after the step reviewed (verify, reject: the latest submission; spot_check, reopen: the closing), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 复查（抽查）人员本人上传的现场照片或文件，可选；须在被复查的步骤（最近一次整改提交、销号）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件 */
            evidence?: {
                id: string;
                /** @enum {unknown} */
                kind: "photo_review" | "document";
            }[];
        };
        /**
         * warn_due_soon
         * @description Warn that the deadline is near (system) / 到期提醒
         */
        WarnDueSoonCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "warn_due_soon";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description ISO 8601 with offset, e.g. 2026-11-02T09:00:00+08:00 / 带时区的时间 */
            deadline: string;
        };
        /**
         * withdraw_hearing
         * @description Withdraw the hearing request before the hearing (撤回听证要求): the party itself only / 撤回听证要求（仅当事人本人）
         */
        WithdrawHearingCommand: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "withdraw_hearing";
            /** @description the version the client saw (or header If-Match) / 期望版本 */
            expectedVersion?: number;
            /** @description when it happened, if not now; bounded by the chain / 发生时间 */
            occurredAt?: string;
            /** @description what the party declared (撤回听证的意思表示) / 撤回理由 */
            reason: {
                "zh-CN": string;
                en?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPacks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description packs / 检查表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "demo-kitchen",
                     *           "version": "0.1.0",
                     *           "domain": "gas",
                     *           "title": {
                     *             "zh-CN": "餐饮厨房燃气安全（示例）",
                     *             "en": "Restaurant kitchen gas safety (example)"
                     *           },
                     *           "description": {
                     *             "zh-CN": "用于演示检查表格式的小型示例，不用于执法。",
                     *             "en": "A small example that shows the pack format. Not for enforcement use."
                     *           },
                     *           "premises": [
                     *             {
                     *               "id": "restaurant",
                     *               "label": {
                     *                 "zh-CN": "餐饮场所",
                     *                 "en": "Restaurant"
                     *               }
                     *             },
                     *             {
                     *               "id": "canteen",
                     *               "label": {
                     *                 "zh-CN": "单位食堂",
                     *                 "en": "Canteen"
                     *               }
                     *             }
                     *           ],
                     *           "facts": 6,
                     *           "items": 4
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            id: string;
                            version: string;
                            domain: string;
                            /** @description the domain's name as the pack gives it (燃气 / Gas), shown for the domain in reports and screens; absent when the pack gives none / 检查表给出的领域名称（如 燃气），报表和界面按它显示领域；检查表未给出时省略 */
                            domainLabel?: {
                                "zh-CN": string;
                                en?: string;
                            };
                            /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                            title: {
                                "zh-CN": string;
                                en?: string;
                            };
                            /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                            description?: {
                                "zh-CN": string;
                                en?: string;
                            };
                            premises: {
                                id: string;
                                /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                                label: {
                                    "zh-CN": string;
                                    en?: string;
                                };
                                /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                                description?: {
                                    "zh-CN": string;
                                    en?: string;
                                };
                            }[];
                            /** @description number of facts / 事实数 */
                            facts: number;
                            /** @description number of checklist items / 检查项数 */
                            items: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getPack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (packs) / 路径参数
                 * @example demo-kitchen
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the loaded pack (pack.schema.json shape, includes merged) / 已加载的检查表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "format": "anjian/pack@1",
                     *       "id": "demo-kitchen",
                     *       "version": "0.1.0",
                     *       "domain": "gas",
                     *       "title": {
                     *         "zh-CN": "餐饮厨房燃气安全（示例）",
                     *         "en": "Restaurant kitchen gas safety (example)"
                     *       },
                     *       "description": {
                     *         "zh-CN": "用于演示检查表格式的小型示例，不用于执法。",
                     *         "en": "A small example that shows the pack format. Not for enforcement use."
                     *       },
                     *       "issuer": {
                     *         "zh-CN": "anjian 示例",
                     *         "en": "anjian examples"
                     *       },
                     *       "premises": [
                     *         {
                     *           "id": "restaurant",
                     *           "label": {
                     *             "zh-CN": "餐饮场所",
                     *             "en": "Restaurant"
                     *           }
                     *         },
                     *         {
                     *           "id": "canteen",
                     *           "label": {
                     *             "zh-CN": "单位食堂",
                     *             "en": "Canteen"
                     *           }
                     *         }
                     *       ],
                     *       "regulations": [
                     *         {
                     *           "id": "jcg-2023-4",
                     *           "title": {
                     *             "zh-CN": "城镇燃气经营安全重大隐患判定标准",
                     *             "en": "Criteria for determining major hazards in urban gas operation"
                     *           },
                     *           "number": "建城规〔2023〕4号",
                     *           "edition": "2023",
                     *           "status": "current",
                     *           "confidence": "verified",
                     *           "determination": true
                     *         },
                     *         {
                     *           "id": "gb-50028",
                     *           "title": {
                     *             "zh-CN": "城镇燃气设计规范",
                     *             "en": "Code for design of city gas engineering"
                     *           },
                     *           "number": "GB 50028-2006",
                     *           "edition": "2006 (2020 ed.)",
                     *           "status": "current",
                     *           "confidence": "unverified"
                     *         }
                     *       ],
                     *       "facts": [
                     *         {
                     *           "id": "gas_type",
                     *           "type": "enum",
                     *           "label": {
                     *             "zh-CN": "使用的燃气种类",
                     *             "en": "Gas used"
                     *           },
                     *           "required": true,
                     *           "options": [
                     *             {
                     *               "value": "natural_gas",
                     *               "label": {
                     *                 "zh-CN": "管道天然气",
                     *                 "en": "Piped natural gas"
                     *               }
                     *             },
                     *             {
                     *               "value": "lpg",
                     *               "label": {
                     *                 "zh-CN": "瓶装液化石油气",
                     *                 "en": "Bottled LPG"
                     *               }
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "below_ground",
                     *           "type": "boolean",
                     *           "label": {
                     *             "zh-CN": "用气场所位于地下或半地下",
                     *             "en": "Gas is used below ground or half below ground"
                     *           },
                     *           "required": true
                     *         },
                     *         {
                     *           "id": "alarm_installed",
                     *           "type": "boolean",
                     *           "label": {
                     *             "zh-CN": "安装可燃气体报警器",
                     *             "en": "Combustible-gas alarm installed"
                     *           },
                     *           "required": true
                     *         },
                     *         {
                     *           "id": "alarm_working",
                     *           "type": "boolean",
                     *           "label": {
                     *             "zh-CN": "报警器工作正常",
                     *             "en": "The alarm works"
                     *           },
                     *           "hint": {
                     *             "zh-CN": "按下测试键，应发出声光报警。",
                     *             "en": "Press the test button; it should sound and flash."
                     *           },
                     *           "required": true,
                     *           "when": {
                     *             "fact": "alarm_installed",
                     *             "operator": "equal",
                     *             "value": true
                     *           }
                     *         },
                     *         {
                     *           "id": "hose_length_m",
                     *           "type": "number",
                     *           "unit": "m",
                     *           "min": 0,
                     *           "max": 50,
                     *           "label": {
                     *             "zh-CN": "连接软管长度",
                     *             "en": "Length of the connecting hose"
                     *           },
                     *           "required": true
                     *         },
                     *         {
                     *           "id": "cylinders_on_site",
                     *           "type": "count",
                     *           "max": 200,
                     *           "label": {
                     *             "zh-CN": "现场液化气钢瓶数量",
                     *             "en": "LPG cylinders on site"
                     *           },
                     *           "when": {
                     *             "condition": "uses_lpg"
                     *           },
                     *           "required": false
                     *         }
                     *       ],
                     *       "conditions": {
                     *         "uses_lpg": {
                     *           "fact": "gas_type",
                     *           "operator": "equal",
                     *           "value": "lpg"
                     *         }
                     *       },
                     *       "composites": [
                     *         {
                     *           "id": "DEMO-C1",
                     *           "level": "general",
                     *           "title": {
                     *             "zh-CN": "多项燃气安全缺陷并存",
                     *             "en": "Several gas-safety defects at once"
                     *           },
                     *           "atLeast": 2,
                     *           "of": [
                     *             "DEMO-002-H1",
                     *             "DEMO-003-H1",
                     *             "DEMO-004-H1"
                     *           ],
                     *           "basis": [
                     *             {
                     *               "regulation": "gb-50028",
                     *               "clause": "10.8"
                     *             }
                     *           ],
                     *           "rectification": {
                     *             "zh-CN": "制定整改计划，逐项整改。",
                     *             "en": "Make a rectification plan and fix each defect."
                     *           },
                     *           "deadline": {
                     *             "workingDays": 10
                     *           },
                     *           "party": "user"
                     *         }
                     *       ],
                     *       "sections": [
                     *         {
                     *           "id": "lpg",
                     *           "title": {
                     *             "zh-CN": "液化石油气",
                     *             "en": "Bottled LPG"
                     *           },
                     *           "items": [
                     *             {
                     *               "id": "DEMO-001",
                     *               "title": {
                     *                 "zh-CN": "地下场所不得使用液化石油气",
                     *                 "en": "No LPG below ground"
                     *               },
                     *               "asks": [
                     *                 "gas_type",
                     *                 "below_ground"
                     *               ],
                     *               "hazards": [
                     *                 {
                     *                   "id": "DEMO-001-H1",
                     *                   "level": "major",
                     *                   "title": {
                     *                     "zh-CN": "在地下或半地下使用液化石油气",
                     *                     "en": "LPG used below ground"
                     *                   },
                     *                   "when": {
                     *                     "all": [
                     *                       {
                     *                         "condition": "uses_lpg"
                     *                       },
                     *                       {
                     *                         "fact": "below_ground",
                     *                         "operator": "equal",
                     *                         "value": true
                     *                       }
                     *                     ]
                     *                   },
                     *                   "basis": [
                     *                     {
                     *                       "regulation": "jcg-2023-4",
                     *                       "clause": "第九条"
                     *                     }
                     *                   ],
                     *                   "rectification": {
                     *                     "zh-CN": "立即停止使用，撤出钢瓶，改用管道天然气或电。",
                     *                     "en": "Stop at once, remove the cylinders, switch to piped gas or electricity."
                     *                   },
                     *                   "party": "user"
                     *                 }
                     *               ]
                     *             },
                     *             {
                     *               "id": "DEMO-004",
                     *               "title": {
                     *                 "zh-CN": "钢瓶存放数量",
                     *                 "en": "Number of cylinders kept"
                     *               },
                     *               "asks": [
                     *                 "cylinders_on_site"
                     *               ],
                     *               "when": {
                     *                 "condition": "uses_lpg"
                     *               },
                     *               "hazards": [
                     *                 {
                     *                   "id": "DEMO-004-H1",
                     *                   "level": "general",
                     *                   "title": {
                     *                     "zh-CN": "现场存放钢瓶过多",
                     *                     "en": "Too many cylinders kept on site"
                     *                   },
                     *                   "when": {
                     *                     "fact": "cylinders_on_site",
                     *                     "operator": "greaterThan",
                     *                     "value": 2
                     *                   },
                     *                   "basis": [
                     *                     {
                     *                       "regulation": "gb-50028",
                     *                       "clause": "10.8.2"
                     *                     }
                     *                   ],
                     *                   "deadline": {
                     *                     "workingDays": 3
                     *                   },
                     *                   "party": "user"
                     *                 }
                     *               ]
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "alarm",
                     *           "title": {
                     *             "zh-CN": "报警与切断",
                     *             "en": "Alarm and shut-off"
                     *           },
                     *           "items": [
                     *             {
                     *               "id": "DEMO-002",
                     *               "title": {
                     *                 "zh-CN": "可燃气体报警器",
                     *                 "en": "Combustible-gas alarm"
                     *               },
                     *               "asks": [
                     *                 "alarm_installed",
                     *                 "alarm_working"
                     *               ],
                     *               "hazards": [
                     *                 {
                     *                   "id": "DEMO-002-H1",
                     *                   "level": "general",
                     *                   "title": {
                     *                     "zh-CN": "未安装可燃气体报警器",
                     *                     "en": "No combustible-gas alarm"
                     *                   },
                     *                   "when": {
                     *                     "fact": "alarm_installed",
                     *                     "operator": "equal",
                     *                     "value": false
                     *                   },
                     *                   "basis": [
                     *                     {
                     *                       "regulation": "gb-50028",
                     *                       "clause": "10.8.3"
                     *                     }
                     *                   ],
                     *                   "rectification": {
                     *                     "zh-CN": "安装可燃气体报警器并与紧急切断阀联锁。",
                     *                     "en": "Install a combustible-gas alarm linked to an emergency shut-off valve."
                     *                   },
                     *                   "deadline": {
                     *                     "workingDays": 7
                     *                   },
                     *                   "party": "user"
                     *                 },
                     *                 {
                     *                   "id": "DEMO-002-H2",
                     *                   "level": "general",
                     *                   "title": {
                     *                     "zh-CN": "报警器失效",
                     *                     "en": "Alarm does not work"
                     *                   },
                     *                   "when": {
                     *                     "all": [
                     *                       {
                     *                         "fact": "alarm_installed",
                     *                         "operator": "equal",
                     *                         "value": true
                     *                       },
                     *                       {
                     *                         "fact": "alarm_working",
                     *                         "operator": "equal",
                     *                         "value": false
                     *                       }
                     *                     ]
                     *                   },
                     *                   "basis": [
                     *                     {
                     *                       "regulation": "gb-50028",
                     *                       "clause": "10.8.3"
                     *                     }
                     *                   ],
                     *                   "deadline": {
                     *                     "workingDays": 3
                     *                   },
                     *                   "party": "user"
                     *                 }
                     *               ]
                     *             },
                     *             {
                     *               "id": "DEMO-003",
                     *               "title": {
                     *                 "zh-CN": "连接软管",
                     *                 "en": "Connecting hose"
                     *               },
                     *               "asks": [
                     *                 "hose_length_m"
                     *               ],
                     *               "hazards": [
                     *                 {
                     *                   "id": "DEMO-003-H1",
                     *                   "level": "simple",
                     *                   "title": {
                     *                     "zh-CN": "软管超长",
                     *                     "en": "Hose too long"
                     *                   },
                     *                   "when": {
                     *                     "fact": "hose_length_m",
                     *                     "operator": "greaterThan",
                     *                     "value": 2
                     *                   },
                     *                   "basis": [
                     *                     {
                     *                       "regulation": "gb-50028",
                     *                       "clause": "10.7.5"
                     *                     }
                     *                   ],
                     *                   "rectification": {
                     *                     "zh-CN": "当场更换为不超过 2 米的专用软管。",
                     *                     "en": "Replace on the spot with a gas hose no longer than 2 m."
                     *                   },
                     *                   "deadline": "immediate",
                     *                   "party": "user"
                     *                 }
                     *               ]
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PackPackFile"];
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getPackSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema 2020-12 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *       "$id": "urn:anjian:schema:pack",
                     *       "title": "anjian checklist pack / 安检检查表"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        $schema: "https://json-schema.org/draft/2020-12/schema";
                        $id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    submitInspection: {
        parameters: {
            query?: {
                /** @description also report each hazard into the review chain / 同时上报每项隐患 */
                report?: "true" | "false";
            };
            header?: {
                /** @description a two-officer act's co-sign code: the second officer generates it in his own session (POST /hazards/{id}/co-sign-codes, for a report POST /enterprises/{id}/co-sign-codes) for this hazard and act, and tells it to the first officer; single use, valid 5 minutes. The server derives the second officer from it (《行政处罚法》第四十二条) — the body never names him. Wrong, used, expired, for another hazard or act, or the sender's own: 403 CO_SIGN_CODE_INVALID; the act's content not what the second officer co-signed (a penalty's article, kind or fine, a stop order's scope, a level, the hazard's facts): 422 CO_SIGN_CONTENT_MISMATCH at the field, the code kept; more than 5 attempts in 15 minutes: 429 CO_SIGN_CODE_LIMITED / 第二名执法人员在本人账号中为此隐患和此行为生成的确认码（一次有效，5 分钟内）：服务器据此认定第二名执法人员 */
                "Co-Sign-Code"?: string;
                /** @description required with report=true (1–128 of A–Z a–z 0–9 . _ : -); a retry with the same key replays / report=true 时必填 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "pack": "demo-kitchen",
                 *       "premises": "restaurant",
                 *       "inspectedAt": "2026-11-02T09:00:00+08:00",
                 *       "subject": {
                 *         "enterpriseId": "E1",
                 *         "name": "老王饭店"
                 *       },
                 *       "findings": {
                 *         "gas_type": "natural_gas",
                 *         "below_ground": false,
                 *         "alarm_installed": false,
                 *         "hose_length_m": 1.5
                 *       }
                 *     }
                 */
                "application/json": {
                    pack: string;
                    /** @description the premises kind. With report=true at a place of the directory (subject.premisesId, or the enterprise's only place) it is the place's kind the pack has questions for, derived on the server: leave it out (give one only to choose among several); another kind is 422 PREMISES_KIND_MISMATCH / 场所类型：在名录中的场所由服务器按名录推导，不同的类型被拒绝 */
                    premises?: string;
                    inspectedAt?: string;
                    /**
                     * @description derived from the actor's role; when given it must agree
                     * @enum {unknown}
                     */
                    source?: "self_check" | "grid_patrol" | "enforcement" | "sensor" | "permit";
                    subject?: {
                        id?: string;
                        /** @description the inspected enterprise (report=true); its area comes from the directory */
                        enterpriseId?: string;
                        unitId?: string;
                        /** @description the premises inspected (rental directory): checked on the server, its landlord derived / 检查的场所 */
                        premisesId?: string;
                        name?: string;
                        address?: string;
                        /** @description ignored for classification; with report=true it must equal the registered area */
                        area?: string;
                    };
                    /** @description answers by fact id (the pack's facts: boolean, number, text, option ids, dates) / 按事实编号的检查结果 */
                    findings: {
                        [key: string]: unknown;
                    };
                    /** @description unbound uploads of the reporter (POST /evidence): a list when at most one hazard is found, else lists by rule id */
                    evidence?: {
                        id: string;
                        /** @enum {unknown} */
                        kind: "photo_before" | "photo_after" | "document";
                    }[] | {
                        [key: string]: {
                            id: string;
                            /** @enum {unknown} */
                            kind: "photo_before" | "photo_after" | "document";
                        }[];
                    };
                    /** @description rule ids of simple hazards fixed on the spot */
                    fixedOnSpot?: string[];
                };
            };
        };
        responses: {
            /** @description classification / 判定结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "classification": {
                     *         "pack": {
                     *           "id": "demo-kitchen",
                     *           "version": "0.1.0"
                     *         },
                     *         "items": [
                     *           {
                     *             "item": "DEMO-001",
                     *             "section": "lpg",
                     *             "outcome": "pass",
                     *             "hazards": []
                     *           },
                     *           {
                     *             "item": "DEMO-004",
                     *             "section": "lpg",
                     *             "outcome": "not_applicable",
                     *             "hazards": []
                     *           },
                     *           {
                     *             "item": "DEMO-002",
                     *             "section": "alarm",
                     *             "outcome": "hazard",
                     *             "hazards": [
                     *               "DEMO-002-H1"
                     *             ],
                     *             "level": "general"
                     *           },
                     *           {
                     *             "item": "DEMO-003",
                     *             "section": "alarm",
                     *             "outcome": "pass",
                     *             "hazards": []
                     *           }
                     *         ],
                     *         "hazards": [
                     *           {
                     *             "rule": "DEMO-002-H1",
                     *             "item": "DEMO-002",
                     *             "kind": "rule",
                     *             "level": "general",
                     *             "provisional": true,
                     *             "party": "user",
                     *             "title": {
                     *               "zh-CN": "未安装可燃气体报警器",
                     *               "en": "No combustible-gas alarm"
                     *             },
                     *             "basis": [
                     *               {
                     *                 "regulation": "gb-50028",
                     *                 "clause": "10.8.3",
                     *                 "number": "GB 50028-2006",
                     *                 "edition": "2006 (2020 ed.)",
                     *                 "title": {
                     *                   "zh-CN": "城镇燃气设计规范",
                     *                   "en": "Code for design of city gas engineering"
                     *                 },
                     *                 "status": "current",
                     *                 "confidence": "unverified"
                     *               }
                     *             ],
                     *             "deadline": {
                     *               "workingDays": 7
                     *             },
                     *             "observations": [
                     *               {
                     *                 "fact": "alarm_installed",
                     *                 "operator": "equal",
                     *                 "actual": false,
                     *                 "expected": false
                     *               }
                     *             ],
                     *             "explanation": {
                     *               "zh-CN": "未安装可燃气体报警器。安装可燃气体报警器：否。",
                     *               "en": "No combustible-gas alarm. Combustible-gas alarm installed: no."
                     *             },
                     *             "rectification": {
                     *               "zh-CN": "安装可燃气体报警器并与紧急切断阀联锁。",
                     *               "en": "Install a combustible-gas alarm linked to an emergency shut-off valve."
                     *             }
                     *           }
                     *         ],
                     *         "summary": {
                     *           "items": {
                     *             "pass": 2,
                     *             "hazard": 1,
                     *             "not_applicable": 1,
                     *             "not_checked": 0
                     *           },
                     *           "hazards": {
                     *             "simple": 0,
                     *             "general": 1,
                     *             "major": 0
                     *           },
                     *           "provisional": 1,
                     *           "highest": "general"
                     *         },
                     *         "premises": "restaurant",
                     *         "inspectedAt": "2026-11-02T09:00:00+08:00",
                     *         "asOf": "2026-11-02"
                     *       },
                     *       "warnings": [],
                     *       "reports": [
                     *         {
                     *           "rule": "DEMO-002-H1",
                     *           "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *           "ok": true,
                     *           "version": 1
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        classification: components["schemas"]["ClassificationClassification"];
                        /** @description issues at warning or info level / 警告 */
                        warnings: components["schemas"]["Issue"][];
                        reports?: {
                            rule: string;
                            hazardId: string;
                            ok: boolean;
                            version?: number;
                            replayed?: boolean;
                            rejection?: {
                                code: string;
                                message: components["schemas"]["LocalizedText"];
                            };
                            /** @description The documents the command's events issued (执法文书), issued with it: numbered, composed from the record, hash and verification code registered. `issued: false` with `issues` when issuing was refused (e.g. the directory lacks the enterprise's address): the act is recorded, the number taken; an officer the document names issues it later (POST …/documents/{kind}/{number}/issue) / 本指令出具的文书 */
                            documents?: {
                                /** @enum {unknown} */
                                kind: "inspection_record" | "rectification_notice" | "rectification_order" | "review_opinion" | "case_filing_approval" | "stop_work_order" | "supervision_listing_notice" | "major_hazard_writeoff_approval" | "penalty_notice" | "penalty_decision";
                                /** @description 文号 */
                                number: string;
                                eventId: string;
                                issued: boolean;
                                verificationCode: string | null;
                                contentHash: string | null;
                                issues?: {
                                    code: string;
                                    severity?: string;
                                    message: Record<string, never>;
                                    pointer?: string;
                                }[];
                            }[];
                        }[];
                        /** @description the inspection's record, when the host keeps an inspection log / 检查记录编号 */
                        inspectionId?: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description CALENDAR_NOT_COVERED: the act needs a deadline in working days (a notice's, a report's running deadline, an extension, the penalty reply periods) that reaches a year whose holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) the host has not loaded in its working-day calendar; the detail names the year. Nothing is recorded; send again once the host has loaded it (logged and handed to onError, like a 500) / 节假日安排未载入：期限经过宿主未载入节假日安排的年份，未作任何记录，宿主载入后可重新提交 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    listHazards: {
        parameters: {
            query?: {
                /** @description simple, general, major (comma-separated) / 等级 */
                level?: string;
                /** @description statuses (comma-separated) / 状态 */
                status?: string;
                /** @description domain, e.g. gas / 领域 */
                domain?: string;
                /** @description area code; matches sub-areas / 区域（含下级） */
                area?: string;
                /** @description enterprise id / 企业 */
                enterprise?: string;
                /** @description true|false: level awaits confirmation / 疑似 */
                provisional?: "true" | "false";
                /** @description true: running deadline passed / 已逾期 */
                overdue?: "true" | "false";
                /** @description page size 1–200, default 50 / 每页条数 */
                limit?: string;
                /** @description the `next` cursor of the previous page / 上一页的 next */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page, ordered by (updatedAt, hazardId) / 一页隐患 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *           "version": 2,
                     *           "status": "rectifying",
                     *           "level": "general",
                     *           "provisional": true,
                     *           "domain": "gas",
                     *           "area": "D1/G1",
                     *           "enterpriseId": "E1",
                     *           "deadline": "2026-11-11T15:59:59.999Z",
                     *           "createdAt": "2026-11-02T01:00:00.000Z",
                     *           "updatedAt": "2026-11-02T01:00:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["HazardSummary"][];
                        next: string | null;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getHazard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (hazards) / 路径参数
                 * @example hz-6dc6c4b9b45c5aebb531c179
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description state and history; header ETag: "<version>", header Date: the server's clock at the read (what the state's deadlines are weighed against) / 状态与历史；Date 为读取时的服务器时间 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "state": {
                     *         "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *         "version": 2,
                     *         "status": "rectifying",
                     *         "level": "general",
                     *         "provisional": true,
                     *         "title": {
                     *           "en": "No combustible-gas alarm",
                     *           "zh-CN": "未安装可燃气体报警器"
                     *         },
                     *         "domain": "gas",
                     *         "area": "D1/G1",
                     *         "enterpriseId": "E1",
                     *         "unitId": null,
                     *         "source": "self_check",
                     *         "pack": {
                     *           "id": "demo-kitchen",
                     *           "version": "0.1.0"
                     *         },
                     *         "deadlinePolicy": {
                     *           "workingDays": 7
                     *         },
                     *         "reporterId": "owner-e1",
                     *         "manual": false,
                     *         "wasMajor": false,
                     *         "rectifierIds": [],
                     *         "reportEvidence": [],
                     *         "rectificationEvidence": [],
                     *         "rectificationSubmittedAt": null,
                     *         "evidenceIds": [],
                     *         "evidenceHashes": [],
                     *         "noticeIssuedAt": "2026-11-02T01:00:00.000Z",
                     *         "deadline": "2026-11-11T15:59:59.999Z",
                     *         "pendingExtension": null,
                     *         "warnedFor": null,
                     *         "overdueNoticedFor": null,
                     *         "escalatedFor": null,
                     *         "caseFiledAt": null,
                     *         "caseNo": null,
                     *         "listed": false,
                     *         "stopWork": null,
                     *         "plan": null,
                     *         "planApproved": false,
                     *         "acceptedBy": null,
                     *         "acceptedOfficers": [],
                     *         "acceptedAt": null,
                     *         "closedBy": null,
                     *         "closedAt": null,
                     *         "reopenCount": 0,
                     *         "createdAt": "2026-11-02T01:00:00.000Z",
                     *         "updatedAt": "2026-11-02T01:00:00.000Z",
                     *         "lastOccurredAt": "2026-11-02T01:00:00.000Z",
                     *         "lastHash": "2937ead326b7540d0efb51c9d98ad9b8f6e286174ebb887a3be2817b30357d8c"
                     *       },
                     *       "history": [
                     *         {
                     *           "id": "hz-6dc6c4b9b45c5aebb531c179/1",
                     *           "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *           "version": 1,
                     *           "type": "reported",
                     *           "actor": {
                     *             "id": "owner-e1",
                     *             "role": "enterprise"
                     *           },
                     *           "commandId": "hz-6dc6c4b9b45c5aebb531c179:report",
                     *           "recordedAt": "2026-11-02T01:00:00.000Z",
                     *           "occurredAt": "2026-11-02T01:00:00.000Z",
                     *           "pack": {
                     *             "id": "demo-kitchen",
                     *             "version": "0.1.0"
                     *           },
                     *           "data": {
                     *             "area": "D1/G1",
                     *             "basis": [
                     *               {
                     *                 "clause": "10.8.3",
                     *                 "confidence": "unverified",
                     *                 "edition": "2006 (2020 ed.)",
                     *                 "number": "GB 50028-2006",
                     *                 "regulation": "gb-50028",
                     *                 "status": "current",
                     *                 "title": {
                     *                   "en": "Code for design of city gas engineering",
                     *                   "zh-CN": "城镇燃气设计规范"
                     *                 }
                     *               }
                     *             ],
                     *             "deadline": {
                     *               "workingDays": 7
                     *             },
                     *             "domain": "gas",
                     *             "enterpriseId": "E1",
                     *             "evidence": [],
                     *             "findings": [
                     *               {
                     *                 "basis": [
                     *                   {
                     *                     "clause": "10.8.3",
                     *                     "confidence": "unverified",
                     *                     "edition": "2006 (2020 ed.)",
                     *                     "number": "GB 50028-2006",
                     *                     "regulation": "gb-50028",
                     *                     "status": "current",
                     *                     "title": {
                     *                       "en": "Code for design of city gas engineering",
                     *                       "zh-CN": "城镇燃气设计规范"
                     *                     }
                     *                   }
                     *                 ],
                     *                 "deadline": {
                     *                   "workingDays": 7
                     *                 },
                     *                 "explanation": {
                     *                   "en": "No combustible-gas alarm. Combustible-gas alarm installed: no.",
                     *                   "zh-CN": "未安装可燃气体报警器。安装可燃气体报警器：否。"
                     *                 },
                     *                 "item": "DEMO-002",
                     *                 "kind": "rule",
                     *                 "level": "general",
                     *                 "observations": [
                     *                   {
                     *                     "actual": false,
                     *                     "expected": false,
                     *                     "fact": "alarm_installed",
                     *                     "operator": "equal"
                     *                   }
                     *                 ],
                     *                 "party": "user",
                     *                 "provisional": true,
                     *                 "rectification": {
                     *                   "en": "Install a combustible-gas alarm linked to an emergency shut-off valve.",
                     *                   "zh-CN": "安装可燃气体报警器并与紧急切断阀联锁。"
                     *                 },
                     *                 "rule": "DEMO-002-H1",
                     *                 "title": {
                     *                   "en": "No combustible-gas alarm",
                     *                   "zh-CN": "未安装可燃气体报警器"
                     *                 }
                     *               }
                     *             ],
                     *             "level": "general",
                     *             "pack": {
                     *               "id": "demo-kitchen",
                     *               "version": "0.1.0"
                     *             },
                     *             "provisional": true,
                     *             "runningDeadline": "2026-11-11T15:59:59.999Z",
                     *             "source": "self_check",
                     *             "title": {
                     *               "en": "No combustible-gas alarm",
                     *               "zh-CN": "未安装可燃气体报警器"
                     *             }
                     *           },
                     *           "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
                     *           "hash": "14eac2571b9b55b559d33767e11038eb7f424aa59f18bf3c4230a8d3719968e9",
                     *           "seq": 1
                     *         },
                     *         {
                     *           "id": "hz-6dc6c4b9b45c5aebb531c179/2",
                     *           "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *           "version": 2,
                     *           "type": "notice_issued",
                     *           "actor": {
                     *             "id": "grid-g1",
                     *             "role": "grid"
                     *           },
                     *           "commandId": "notice-1",
                     *           "recordedAt": "2026-11-02T01:00:00.000Z",
                     *           "occurredAt": "2026-11-02T01:00:00.000Z",
                     *           "pack": {
                     *             "id": "demo-kitchen",
                     *             "version": "0.1.0"
                     *           },
                     *           "data": {
                     *             "deadline": "2026-11-11T15:59:59.999Z",
                     *             "policy": {
                     *               "workingDays": 7
                     *             }
                     *           },
                     *           "prevHash": "14eac2571b9b55b559d33767e11038eb7f424aa59f18bf3c4230a8d3719968e9",
                     *           "hash": "2937ead326b7540d0efb51c9d98ad9b8f6e286174ebb887a3be2817b30357d8c",
                     *           "seq": 2
                     *         }
                     *       ],
                     *       "caseNumber": null,
                     *       "penaltyReplyPeriod": null,
                     *       "penaltyReplyPeriodUnavailable": null,
                     *       "access": "full"
                     *     }
                     */
                    "application/json": {
                        state: components["schemas"]["HazardState"];
                        /** @description every event, oldest first / 全部事件 */
                        history: components["schemas"]["StoredEvent"][];
                        /**
                         * @description the case number (案号), derived by the server: the 文号 the document register gave the case's 立案审批表 (case_filing_approval, GET /hazards/{id}/documents), the number every document of the case prints, e.g. （东）应急立〔2026〕1号; for a case filed before the server numbered cases, the number typed then (state.caseNo); null before a case is filed or when the API numbers no documents. Never sent: a command with it is refused / 案号（服务器根据文书登记派生，即立案审批表的文号；旧案件为当时填写的案号；未立案或未启用文书编号时为 null）
                         * @example （东）应急立〔2026〕1号
                         */
                        readonly caseNumber: string | null;
                        /** @description the party's reply period of the current 行政处罚告知书, derived by the server: from the notice's recorded service (送达), in working days of the server's calendar (Administrative Penalty Law Art. 85: its days are working days); what the statement and the decision are judged by. null without a penalty notice, while it is not recorded as served, for a landlord, and when it cannot be computed (see penaltyReplyPeriodUnavailable). Never sent / 当前行政处罚告知书的期限，由服务器自登记的送达时间起按工作日计算；无告知书、未登记送达、出租方查阅或无法计算（见 penaltyReplyPeriodUnavailable）时为 null */
                        readonly penaltyReplyPeriod: {
                            /** @description when the service took effect: as the officer recorded it (for post, the date on the postal receipt), or for a public notice derived by the server from its publication day (see deemed) / 送达时间：执法人员登记的送达时间（邮寄送达为回执上注明的收件日期）；公告送达由服务器根据公告发出日期计算（见 deemed） */
                            servedAt: string;
                            /** @description set when the service is deemed (视为送达): a public notice (公告送达) counts as served at the end (China time) of the 30th day after the day it was published, the publication day not counted, and servedAt is that instant; null for a service as observed, and for a public notice recorded before its publication day was (its servedAt stands as recorded) / 视为送达时给出：公告送达自发出公告之日起（当日不计）经过三十日视为送达，servedAt 为第三十日届满之时（北京时间）；实际送达及旧的公告送达登记为 null */
                            deemed: {
                                /** @description the day the public notice was published (China time), as the officer recorded it / 公告发出日期（北京时间） */
                                publishedOn: string;
                                /** @description days after publication at whose end the notice counts as served (30) / 自发出公告之日起经过的日数（30） */
                                days: number;
                            } | null;
                            /** @description end (China time) of the 3rd working day after service / 陈述申辩期限（送达之日起第三个工作日届满） */
                            statementDeadline: string;
                            /** @description end (China time) of the 5th working day after service, when the notice carries the hearing right / 听证申请期限（送达之日起第五个工作日届满），无听证权利时为 null */
                            hearingDeadline: string | null;
                        } | null;
                        /** @description set when the notice is served but its reply period cannot be computed: CALENDAR_NOT_COVERED, the period reaches a year whose holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) the host has not loaded in its working-day calendar. penaltyReplyPeriod is null then — not 'not served', and no date: a page says the period is unavailable and why. The rest of the view is whole; the server logs it and hands it to onError, and a command on the hazard answers 503 until the host loads the year. null otherwise. Never sent / 告知书已送达但期限无法计算时给出：CALENDAR_NOT_COVERED，期限经过宿主未载入节假日安排的年份。此时 penaltyReplyPeriod 为 null（并非未送达，也无日期），页面应说明期限无法计算及原因；其余字段完整，服务器记录日志并交给 onError，宿主载入前对该隐患的指令返回 503。其他情况下为 null */
                        readonly penaltyReplyPeriodUnavailable: {
                            /**
                             * @description why the period cannot be computed / 无法计算的原因
                             * @enum {unknown}
                             */
                            code: "CALENDAR_NOT_COVERED";
                            /** @description the reason for a person, naming the year and its notice / 原因说明（中英文，说明年份及其通知） */
                            message: {
                                "zh-CN": string;
                                en: string;
                            };
                        } | null;
                        /**
                         * @description which view of the hazard this is, derived by the server from the actor and the hazard (core's readAccess): `full`; or `premises` — a landlord reading its tenant's hazard at the premises it rents out, without the tenant's penalty proceeding whether or not there is one (a page says so rather than showing an empty proceeding) / 所读视图：full 完整；premises 出租方按出租场所查阅承租方的隐患，不含承租方的行政处罚程序（无论有无）
                         * @enum {string}
                         */
                        readonly access: "full" | "premises";
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    sendCommand: {
        parameters: {
            query?: never;
            header: {
                /** @description high-entropy key, one per intended action; becomes the commandId (1–128 of A–Z a–z 0–9 . _ : -) / 幂等键 */
                "Idempotency-Key": string;
                /** @description a two-officer act's co-sign code: the second officer generates it in his own session (POST /hazards/{id}/co-sign-codes, for a report POST /enterprises/{id}/co-sign-codes) for this hazard and act, and tells it to the first officer; single use, valid 5 minutes. The server derives the second officer from it (《行政处罚法》第四十二条) — the body never names him. Wrong, used, expired, for another hazard or act, or the sender's own: 403 CO_SIGN_CODE_INVALID; the act's content not what the second officer co-signed (a penalty's article, kind or fine, a stop order's scope, a level, the hazard's facts): 422 CO_SIGN_CONTENT_MISMATCH at the field, the code kept; more than 5 attempts in 15 minutes: 429 CO_SIGN_CODE_LIMITED / 第二名执法人员在本人账号中为此隐患和此行为生成的确认码（一次有效，5 分钟内）：服务器据此认定第二名执法人员 */
                "Co-Sign-Code"?: string;
                /** @description the version the client saw, exactly "3" (the ETag); stale → 412 / 期望版本 */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description id (hazards) / 路径参数
                 * @example hz-6dc6c4b9b45c5aebb531c179
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "issue_notice"
                 *     }
                 */
                "application/json": components["schemas"]["ReportObservationCommand"] | components["schemas"]["ReclassifyCommand"] | components["schemas"]["ConfirmLevelCommand"] | components["schemas"]["IssueNoticeCommand"] | components["schemas"]["SubmitRectificationCommand"] | components["schemas"]["VerifyCommand"] | components["schemas"]["RejectCommand"] | components["schemas"]["RequestExtensionCommand"] | components["schemas"]["GrantExtensionCommand"] | components["schemas"]["DenyExtensionCommand"] | components["schemas"]["EscalateCommand"] | components["schemas"]["FileCaseCommand"] | components["schemas"]["ListForSupervisionCommand"] | components["schemas"]["SubmitPlanCommand"] | components["schemas"]["ApprovePlanCommand"] | components["schemas"]["OrderStopWorkCommand"] | components["schemas"]["AcceptCommand"] | components["schemas"]["CloseCommand"] | components["schemas"]["LiftStopWorkCommand"] | components["schemas"]["DelistCommand"] | components["schemas"]["ReopenCommand"] | components["schemas"]["SpotCheckCommand"] | components["schemas"]["WarnDueSoonCommand"] | components["schemas"]["NoticeOverdueCommand"] | components["schemas"]["NotifyPenaltyCommand"] | components["schemas"]["RecordStatementCommand"] | components["schemas"]["RecordHearingCommand"] | components["schemas"]["WithdrawHearingCommand"] | components["schemas"]["DecidePenaltyCommand"];
            };
        };
        responses: {
            /** @description events written (or, replayed, the original ones with Idempotent-Replayed: true) / 写入的事件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *       "version": 2,
                     *       "events": [
                     *         {
                     *           "id": "hz-6dc6c4b9b45c5aebb531c179/2",
                     *           "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *           "version": 2,
                     *           "type": "notice_issued",
                     *           "actor": {
                     *             "id": "grid-g1",
                     *             "role": "grid"
                     *           },
                     *           "commandId": "notice-1",
                     *           "recordedAt": "2026-11-02T01:00:00.000Z",
                     *           "occurredAt": "2026-11-02T01:00:00.000Z",
                     *           "pack": {
                     *             "id": "demo-kitchen",
                     *             "version": "0.1.0"
                     *           },
                     *           "data": {
                     *             "deadline": "2026-11-11T15:59:59.999Z",
                     *             "policy": {
                     *               "workingDays": 7
                     *             }
                     *           },
                     *           "prevHash": "14eac2571b9b55b559d33767e11038eb7f424aa59f18bf3c4230a8d3719968e9",
                     *           "hash": "2937ead326b7540d0efb51c9d98ad9b8f6e286174ebb887a3be2817b30357d8c",
                     *           "seq": 2
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        hazardId: string;
                        version: number;
                        events: components["schemas"]["StoredEvent"][];
                        /** @description The documents the command's events issued (执法文书), issued with it: numbered, composed from the record, hash and verification code registered. `issued: false` with `issues` when issuing was refused (e.g. the directory lacks the enterprise's address): the act is recorded, the number taken; an officer the document names issues it later (POST …/documents/{kind}/{number}/issue) / 本指令出具的文书 */
                        documents?: {
                            /** @enum {unknown} */
                            kind: "inspection_record" | "rectification_notice" | "rectification_order" | "review_opinion" | "case_filing_approval" | "stop_work_order" | "supervision_listing_notice" | "major_hazard_writeoff_approval" | "penalty_notice" | "penalty_decision";
                            /** @description 文号 */
                            number: string;
                            eventId: string;
                            issued: boolean;
                            verificationCode: string | null;
                            contentHash: string | null;
                            issues?: {
                                code: string;
                                severity?: string;
                                message: Record<string, never>;
                                pointer?: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Stale If-Match version (code CONFLICT) / 版本已变化 */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem412"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
            /** @description CALENDAR_NOT_COVERED: the act needs a deadline in working days (a notice's, a report's running deadline, an extension, the penalty reply periods) that reaches a year whose holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) the host has not loaded in its working-day calendar; the detail names the year. Nothing is recorded; send again once the host has loaded it (logged and handed to onError, like a 500) / 节假日安排未载入：期限经过宿主未载入节假日安排的年份，未作任何记录，宿主载入后可重新提交 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem503"];
                };
            };
        };
    };
    issueCoSignCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (hazards) / 路径参数
                 * @example hz-3f1c9a0b7e2d4c5a9b1e
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "act": "notify_penalty",
                 *       "content": {
                 *         "penalty": {
                 *           "article": "work-safety-law-2021/102",
                 *           "kind": "fine",
                 *           "fineAmount": 20000
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    /**
                     * @description the act the code confirms (a command type) / 确认的执法行为
                     * @enum {unknown}
                     */
                    act: "file_case" | "order_stop_work" | "list_for_supervision" | "lift_stop_work" | "delist" | "notify_penalty" | "decide_penalty" | "accept" | "close" | "reclassify" | "confirm_level" | "issue_notice" | "verify" | "reject";
                    /** @description what the second officer co-signs: the fields of the act's command the code binds, with the values he confirms (notify_penalty: penalty; decide_penalty: penalty; order_stop_work: scope; reclassify: level; confirm_level: level; report_observation: domain, level; checked as the command checks them). Required for those acts; other acts bind none of their own — leave it out. A command later submitted with other values is refused (422 CO_SIGN_CONTENT_MISMATCH at the field) / 第二名执法人员确认的内容：该行为指令中确认码绑定的字段及其确认的值；提交的指令与之不同则拒绝 */
                    content?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description the code, shown once / 确认码（仅显示一次） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "40718263",
                     *       "act": "notify_penalty",
                     *       "hazardId": "hz-3f1c9a0b7e2d4c5a9b1e",
                     *       "expiresAt": "2026-11-02T01:05:00.000Z",
                     *       "content": {
                     *         "facts": {
                     *           "enterpriseId": "E1",
                     *           "title": {
                     *             "zh-CN": "液化石油气钢瓶存放在地下室",
                     *             "en": "LPG cylinders stored below ground"
                     *           },
                     *           "level": "major",
                     *           "provisional": false,
                     *           "domain": "gas",
                     *           "pack": {
                     *             "id": "demo-kitchen",
                     *             "version": "1.0.0"
                     *           },
                     *           "evidence": [
                     *             "ev-23e5c96c789570b1a740a7463526bb84"
                     *           ]
                     *         },
                     *         "penalty": {
                     *           "article": "work-safety-law-2021/102",
                     *           "kind": "fine",
                     *           "fineAmount": 20000
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description shown once; the server keeps only its salted hash / 仅显示一次 */
                        code: string;
                        act: string;
                        hazardId?: string;
                        enterpriseId?: string;
                        /** @description ISO 8601, the server clock / 失效时间 */
                        expiresAt: string;
                        /** @description what the code binds, as the server holds it: the confirmed fields, and for an act on a hazard `facts` (enterprise, title, level, domain, pack, the report's evidence): show it to the second officer beside the code / 确认码绑定的内容（服务器所存）：确认的字段及隐患事实，与确认码一并显示给第二名执法人员 */
                        content: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    issueReportCoSignCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (inspections) / 路径参数
                 * @example E1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "act": "report"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description the act the code confirms (a command type) / 确认的执法行为
                     * @enum {unknown}
                     */
                    act: "report" | "report_observation";
                    /** @description what the second officer co-signs: the fields of the act's command the code binds, with the values he confirms (notify_penalty: penalty; decide_penalty: penalty; order_stop_work: scope; reclassify: level; confirm_level: level; report_observation: domain, level; checked as the command checks them). Required for those acts; other acts bind none of their own — leave it out. A command later submitted with other values is refused (422 CO_SIGN_CONTENT_MISMATCH at the field) / 第二名执法人员确认的内容：该行为指令中确认码绑定的字段及其确认的值；提交的指令与之不同则拒绝 */
                    content?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description the code, shown once / 确认码（仅显示一次） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "93015847",
                     *       "act": "report",
                     *       "enterpriseId": "E1",
                     *       "expiresAt": "2026-11-02T01:05:00.000Z",
                     *       "content": {}
                     *     }
                     */
                    "application/json": {
                        /** @description shown once; the server keeps only its salted hash / 仅显示一次 */
                        code: string;
                        act: string;
                        hazardId?: string;
                        enterpriseId?: string;
                        /** @description ISO 8601, the server clock / 失效时间 */
                        expiresAt: string;
                        /** @description what the code binds, as the server holds it: the confirmed fields, and for an act on a hazard `facts` (enterprise, title, level, domain, pack, the report's evidence): show it to the second officer beside the code / 确认码绑定的内容（服务器所存）：确认的字段及隐患事实，与确认码一并显示给第二名执法人员 */
                        content: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    uploadHazardEvidence: {
        parameters: {
            query?: {
                /** @description capture time the device claims (EXIF), with offset; shown, never trusted / 声称的拍摄时间 */
                takenAt?: string;
            };
            header?: never;
            path: {
                /**
                 * @description id (evidence) / 路径参数
                 * @example hz-6dc6c4b9b45c5aebb531c179
                 */
                id: string;
            };
            cookie?: never;
        };
        /** @description the file itself (raw bytes); the type must match its content / 文件本身 */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "application/pdf": string;
            };
        };
        responses: {
            /** @description the stored record; header Location / 已保存 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ev-c21be19376b306848c2dba56e247c93c",
                     *       "sha256": "c21be19376b306848c2dba56e247c93c626dc50ede4aae758e990a74fdb1bff8",
                     *       "mime": "image/jpeg",
                     *       "size": 12,
                     *       "uploaderId": "owner-e1",
                     *       "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *       "receivedAt": "2026-11-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        sha256: string;
                        /** @enum {unknown} */
                        mime: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "application/json";
                        size: number;
                        uploaderId?: string;
                        hazardId: string | null;
                        receivedAt: string;
                        claimedTakenAt?: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    uploadEvidence: {
        parameters: {
            query?: {
                /** @description capture time the device claims (EXIF), with offset; shown, never trusted / 声称的拍摄时间 */
                takenAt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the file itself (raw bytes); the type must match its content / 文件本身 */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "application/pdf": string;
            };
        };
        responses: {
            /** @description the stored record, hazardId null; header Location / 已保存（未关联隐患） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ev-23e5c96c789570b1a740a7463526bb84",
                     *       "sha256": "23e5c96c789570b1a740a7463526bb846d97506642e12a6a5e6b9b3b7a90cd5f",
                     *       "mime": "image/jpeg",
                     *       "size": 11,
                     *       "uploaderId": "owner-e1",
                     *       "hazardId": null,
                     *       "receivedAt": "2026-11-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        sha256: string;
                        /** @enum {unknown} */
                        mime: "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | "application/json";
                        size: number;
                        uploaderId?: string;
                        hazardId: string | null;
                        receivedAt: string;
                        claimedTakenAt?: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getEvidence: {
        parameters: {
            query?: {
                /** @description 1: a thumbnail (this server has no resizer and returns the image itself; 404 for a PDF) / 缩略图 */
                thumb?: "1";
            };
            header?: never;
            path: {
                /**
                 * @description id (evidence) / 路径参数
                 * @example ev-23e5c96c789570b1a740a7463526bb84
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the bytes, with their type; Content-Disposition inline, ETag the SHA-256 / 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "application/pdf": string;
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    listHazardDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (documents) / 路径参数
                 * @example H-DOC
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the numbered documents / 文书列表 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "kind": "rectification_notice",
                     *           "issuedBy": "grid",
                     *           "number": "（东）应急隐改〔2026〕1号",
                     *           "jurisdiction": "D1",
                     *           "year": 2026,
                     *           "seq": 1,
                     *           "eventId": "H-DOC/2",
                     *           "issuedAt": "2026-11-02T01:00:00.000Z",
                     *           "verificationCode": "TTCBZ-W9M8D",
                     *           "contentHash": "3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** @enum {unknown} */
                            kind: "inspection_record" | "rectification_notice" | "rectification_order" | "review_opinion" | "case_filing_approval" | "stop_work_order" | "supervision_listing_notice" | "major_hazard_writeoff_approval" | "penalty_notice" | "penalty_decision";
                            /**
                             * @description who issues the kind (@anjian/documents' documentIssuer): grid — a grid inspector's 隐患整改通知书; enforcement — an officers' enforcement document (执法文书) / 出具方：grid 为网格员的隐患整改通知书，enforcement 为执法文书
                             * @enum {unknown}
                             */
                            readonly issuedBy: "grid" | "enforcement";
                            /** @description 文号, e.g. （东）应急责改〔2026〕12号 */
                            number: string;
                            jurisdiction: string;
                            year: number;
                            seq: number;
                            eventId: string;
                            /** @description the issuing event’s time (ISO) / 出具时间 */
                            issuedAt: string;
                            /** @description null while the document is numbered but not issued / 未出具时为 null */
                            verificationCode: string | null;
                            contentHash: string | null;
                            /** @description set when voided: the number stays taken and says so / 作废记录（文号保留） */
                            voided?: {
                                at?: string;
                                reason?: string;
                                actorId?: string;
                            } | null;
                            /** @description delivery (送达) and receipt (签收 or refusal with a witness), once recorded / 送达与签收 */
                            service?: {
                                served?: {
                                    /**
                                     * @description served 送达; signed 签收; refused 拒签（留置送达）
                                     * @enum {unknown}
                                     */
                                    type: "served" | "signed" | "refused";
                                    /** @enum {unknown} */
                                    method?: "direct" | "post" | "electronic" | "entrusted" | "public_notice";
                                    recipient?: string;
                                    /** @description when the service took effect; for public_notice derived by the server from publishedOn (视为送达) / 送达时间；公告送达由服务器计算 */
                                    servedAt?: string;
                                    /** @description public_notice only: the day the notice was published (China time) / 公告送达：公告发出日期 */
                                    publishedOn?: string;
                                    signedBy?: string;
                                    signedOn?: string;
                                    witness?: string;
                                    witnessRole?: string;
                                    refusedOn?: string;
                                    note?: string;
                                    /** @description the officer who recorded it / 登记人 */
                                    recordedBy: string;
                                    recordedAt: string;
                                } | null;
                                receipt?: {
                                    /**
                                     * @description served 送达; signed 签收; refused 拒签（留置送达）
                                     * @enum {unknown}
                                     */
                                    type: "served" | "signed" | "refused";
                                    /** @enum {unknown} */
                                    method?: "direct" | "post" | "electronic" | "entrusted" | "public_notice";
                                    recipient?: string;
                                    /** @description when the service took effect; for public_notice derived by the server from publishedOn (视为送达) / 送达时间；公告送达由服务器计算 */
                                    servedAt?: string;
                                    /** @description public_notice only: the day the notice was published (China time) / 公告送达：公告发出日期 */
                                    publishedOn?: string;
                                    signedBy?: string;
                                    signedOn?: string;
                                    witness?: string;
                                    witnessRole?: string;
                                    refusedOn?: string;
                                    note?: string;
                                    /** @description the officer who recorded it / 登记人 */
                                    recordedBy: string;
                                    recordedAt: string;
                                } | null;
                            };
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    renderHazardDocument: {
        parameters: {
            query?: {
                /** @description html (default) or pdf / 格式 */
                format?: "html" | "pdf";
                /** @description the issuing event id (default: the latest that issued this kind) / 产生文书的事件 */
                event?: string;
            };
            header?: never;
            path: {
                /**
                 * @description id (documents) / 路径参数
                 * @example H-DOC
                 */
                id: string;
                /**
                 * @description kind (documents) / 路径参数
                 * @example rectification_notice
                 */
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the document / 文书 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    verifyDocument: {
        parameters: {
            query?: {
                /** @description the SHA-256 printed on the document or held by its QR code / 文书上的摘要 */
                hash?: string;
            };
            header?: never;
            path: {
                /**
                 * @description code (documents) / 路径参数
                 * @example TTCBZ-W9M8D
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the verdict / 核验结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "unchanged",
                     *       "document": {
                     *         "kind": "rectification_notice",
                     *         "number": "（东）应急隐改〔2026〕1号",
                     *         "issuedAt": "2026-11-02T01:00:00.000Z",
                     *         "contentHash": "3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a",
                     *         "hashedAt": "2026-11-02T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description unknown: no document has this code; issued: it has (no hash presented); unchanged / altered: the presented hash equals / differs from the one recorded at issue; voided: the document was voided (its number stays taken)
                         * @enum {unknown}
                         */
                        status: "unknown" | "issued" | "unchanged" | "altered" | "voided";
                        document?: {
                            /** @enum {unknown} */
                            kind: "inspection_record" | "rectification_notice" | "rectification_order" | "review_opinion" | "case_filing_approval" | "stop_work_order" | "supervision_listing_notice" | "major_hazard_writeoff_approval" | "penalty_notice" | "penalty_decision";
                            number: string;
                            issuedAt: string;
                            contentHash: string;
                            hashedAt: string;
                            /** @description when it was voided / 作废时间 */
                            voidedAt?: string;
                            /** @description why / 作废原因 */
                            voidReason?: string;
                        };
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    recordDocumentService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (documents) / 路径参数
                 * @example H-DOC
                 */
                id: string;
                /**
                 * @description kind (documents) / 路径参数
                 * @example rectification_order
                 */
                kind: string;
                /**
                 * @description number (documents) / 路径参数
                 * @example 2026-1
                 */
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "method": "direct",
                 *       "recipient": "王建国"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description direct 直接送达, post 邮寄送达, electronic 电子送达, entrusted 委托送达, public_notice 公告送达
                     * @enum {unknown}
                     */
                    method: "direct" | "post" | "electronic" | "entrusted" | "public_notice";
                    /** @description who received it / 受送达人 */
                    recipient: string;
                    /** @description when the service took effect as the officer observed it (ISO 8601 with offset; not before the issue, not in the future): direct — when handed over (or left, on a refusal to sign); post — the date of receipt on the postal receipt, required; electronic — when it reached the recipient's designated system, required; entrusted — the date on the entrusted authority's proof of service, required. Only direct defaults to now (handed over as it is recorded); a missing servedAt for post, electronic or entrusted is a 422 at /servedAt. Refused for public_notice (the server derives it) / 送达时间（带时区）：直接送达为交付（或留置）之时；邮寄送达为回执上注明的收件日期（必填）；电子送达为送达信息到达受送达人特定系统的时间（必填）；委托送达为送达回证上的日期（必填）。仅直接送达不填为现在；邮寄、电子、委托送达不填返回 422（/servedAt）。公告送达不得填写（由服务器计算） */
                    servedAt?: string;
                    /** @description public_notice only, and required there: the day the notice was published, YYYY-MM-DD in China time (not before the issue day, not after today). The server derives servedAt: the notice counts as served at the end of the 30th day after it (视为送达). Refused for other methods / 仅公告送达（必填）：公告发出日期 YYYY-MM-DD（北京时间，不早于出具日、不晚于今天）；服务器计算送达时间：自发出公告之日起经过三十日视为送达。其他送达方式不得填写 */
                    publishedOn?: string;
                };
            };
        };
        responses: {
            /** @description the recorded delivery / 已登记的送达 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "number": "（东）应急责改〔2026〕1号",
                     *       "type": "served",
                     *       "method": "direct",
                     *       "recipient": "王建国",
                     *       "servedAt": "2026-11-02T01:00:00.000Z",
                     *       "recordedBy": "officer2-gas-d1",
                     *       "recordedAt": "2026-11-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        number: string;
                        /**
                         * @description served 送达; signed 签收; refused 拒签（留置送达）
                         * @enum {unknown}
                         */
                        type: "served" | "signed" | "refused";
                        /** @enum {unknown} */
                        method?: "direct" | "post" | "electronic" | "entrusted" | "public_notice";
                        recipient?: string;
                        /** @description when the service took effect; for public_notice derived by the server from publishedOn (视为送达) / 送达时间；公告送达由服务器计算 */
                        servedAt?: string;
                        /** @description public_notice only: the day the notice was published (China time) / 公告送达：公告发出日期 */
                        publishedOn?: string;
                        signedBy?: string;
                        signedOn?: string;
                        witness?: string;
                        witnessRole?: string;
                        refusedOn?: string;
                        note?: string;
                        /** @description the officer who recorded it / 登记人 */
                        recordedBy: string;
                        recordedAt: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    recordDocumentReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (documents) / 路径参数
                 * @example H-DOC
                 */
                id: string;
                /**
                 * @description kind (documents) / 路径参数
                 * @example rectification_order
                 */
                kind: string;
                /**
                 * @description number (documents) / 路径参数
                 * @example 2026-1
                 */
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "outcome": "refused",
                 *       "witness": "刘芳",
                 *       "witnessRole": "和平里社区居委会工作人员",
                 *       "refusedOn": "2026-11-02",
                 *       "note": "负责人拒绝签字，文书留置现场"
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    outcome: "signed" | "refused";
                    /** @description 签收人 */
                    signedBy?: string;
                    /** @description 签收日期 YYYY-MM-DD */
                    signedOn?: string;
                    /** @description 见证人 */
                    witness?: string;
                    /** @description 见证人身份（单位、职务） */
                    witnessRole?: string;
                    /** @description 拒签日期 YYYY-MM-DD */
                    refusedOn?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description the recorded receipt / 已登记的签收 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "number": "（东）应急责改〔2026〕1号",
                     *       "type": "refused",
                     *       "witness": "刘芳",
                     *       "witnessRole": "和平里社区居委会工作人员",
                     *       "refusedOn": "2026-11-02",
                     *       "note": "负责人拒绝签字，文书留置现场",
                     *       "recordedBy": "officer-gas-d1",
                     *       "recordedAt": "2026-11-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        number: string;
                        /**
                         * @description served 送达; signed 签收; refused 拒签（留置送达）
                         * @enum {unknown}
                         */
                        type: "served" | "signed" | "refused";
                        /** @enum {unknown} */
                        method?: "direct" | "post" | "electronic" | "entrusted" | "public_notice";
                        recipient?: string;
                        /** @description when the service took effect; for public_notice derived by the server from publishedOn (视为送达) / 送达时间；公告送达由服务器计算 */
                        servedAt?: string;
                        /** @description public_notice only: the day the notice was published (China time) / 公告送达：公告发出日期 */
                        publishedOn?: string;
                        signedBy?: string;
                        signedOn?: string;
                        witness?: string;
                        witnessRole?: string;
                        refusedOn?: string;
                        note?: string;
                        /** @description the officer who recorded it / 登记人 */
                        recordedBy: string;
                        recordedAt: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    issueDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (documents) / 路径参数
                 * @example H-DOC
                 */
                id: string;
                /**
                 * @description kind (documents) / 路径参数
                 * @example rectification_order
                 */
                kind: string;
                /**
                 * @description number (documents) / 路径参数
                 * @example 2026-1
                 */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the issued document / 已出具的文书 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "number": "（东）应急责改〔2026〕1号",
                     *       "verificationCode": "TTCBZ-W9M8D",
                     *       "contentHash": "3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a",
                     *       "hashedAt": "2026-11-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        number: string;
                        verificationCode: string;
                        contentHash: string;
                        hashedAt: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    voidDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (documents) / 路径参数
                 * @example H-DOC
                 */
                id: string;
                /**
                 * @description kind (documents) / 路径参数
                 * @example rectification_order
                 */
                kind: string;
                /**
                 * @description number (documents) / 路径参数
                 * @example 2026-1
                 */
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "被检查单位名称有误"
                 *     }
                 */
                "application/json": {
                    /** @description 作废原因 */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description the voided record / 作废后的记录 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "number": "（东）应急责改〔2026〕1号",
                     *       "voided": {
                     *         "at": "2026-11-02T01:00:00.000Z",
                     *         "reason": "被检查单位名称有误",
                     *         "actorId": "officer-gas-d1"
                     *       }
                     *     }
                     */
                    "application/json": {
                        number: string;
                        voided: Record<string, never>;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Content-Type is not an accepted media type: application/json for a JSON body (a body sent as text/plain, a form or with no type is refused unread: a page on another site can send those without a CORS preflight), the listed file types for an upload / 不支持的请求体类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem415"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    verifyDocumentPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description code (documents) / 路径参数
                 * @example TTCBZ-W9M8D
                 */
                code: string;
            };
            cookie?: never;
        };
        /** @description the PDF file as received / PDF 文件 */
        requestBody: {
            content: {
                "application/pdf": string;
            };
        };
        responses: {
            /** @description the verdict / 核验结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "altered",
                     *       "document": {
                     *         "kind": "rectification_order",
                     *         "number": "（东）应急责改〔2026〕1号",
                     *         "issuedAt": "2026-11-02T01:00:00.000Z",
                     *         "contentHash": "3e98bff1344374a7cc639e980c04fd314127ad6e192ab41d25f4f81fe883275a",
                     *         "hashedAt": "2026-11-02T01:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description unknown: no document has this code; issued: it has (no hash presented); unchanged / altered: the presented hash equals / differs from the one recorded at issue; voided: the document was voided (its number stays taken)
                         * @enum {unknown}
                         */
                        status: "unknown" | "issued" | "unchanged" | "altered" | "voided";
                        document?: {
                            /** @enum {unknown} */
                            kind: "inspection_record" | "rectification_notice" | "rectification_order" | "review_opinion" | "case_filing_approval" | "stop_work_order" | "supervision_listing_notice" | "major_hazard_writeoff_approval" | "penalty_notice" | "penalty_decision";
                            number: string;
                            issuedAt: string;
                            contentHash: string;
                            hashedAt: string;
                            /** @description when it was voided / 作废时间 */
                            voidedAt?: string;
                            /** @description why / 作废原因 */
                            voidReason?: string;
                        };
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Conflict: same Idempotency-Key in flight, or concurrent writers / 冲突 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem409"];
                };
            };
            /** @description Request body larger than maxBodyBytes (maxEvidenceBytes for uploads), refused while streaming; or an upload over the uploader's byte budget of unreported uploads / 请求体过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem413"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Over a limit: the uploader's budget of unreported uploads (report with them, or wait until the oldest expires; the detail says when), four of the actor's uploads still arriving (UPLOADS_IN_PROGRESS, Retry-After: send when one has finished), too many co-sign code attempts (wait), or an officer's live co-sign codes at their limit (CO_SIGN_CODE_LIMITED on generating one: the detail says when the earliest lapses) / 超出限制：待上报文件过多、同时上传过多、确认码尝试次数过多，或未使用的确认码已达上限（详情说明最早何时失效） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem429"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description role (queues) / 路径参数
                 * @example enterprise
                 */
                role: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description up to 500 hazards, soonest deadline first / 待办隐患 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "role": "enterprise",
                     *       "items": [
                     *         {
                     *           "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *           "version": 2,
                     *           "status": "rectifying",
                     *           "level": "general",
                     *           "provisional": true,
                     *           "domain": "gas",
                     *           "area": "D1/G1",
                     *           "enterpriseId": "E1",
                     *           "deadline": "2026-11-11T15:59:59.999Z",
                     *           "createdAt": "2026-11-02T01:00:00.000Z",
                     *           "updatedAt": "2026-11-02T01:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        role: "grid" | "enforcement" | "enterprise";
                        items: {
                            hazardId: string;
                            version: number;
                            /** @enum {unknown} */
                            status: "reported" | "rectifying" | "submitted" | "verified" | "escalated" | "case_filed" | "accepted" | "closed";
                            /** @enum {unknown} */
                            level: "simple" | "general" | "major";
                            provisional: boolean;
                            domain: string;
                            area: string;
                            enterpriseId: string;
                            /** @description the premises it was found at, when it has one (rental directory) / 隐患所在场所 */
                            premisesId?: string;
                            deadline: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        /** @description round members still to inspect in this role (relations configured) / 轮次待查 */
                        rounds?: {
                            roundId: string;
                            /** @description LocalizedText */
                            title: Record<string, never>;
                            /** @enum {unknown} */
                            kind: "self_inspection" | "patrol_coverage" | "special_campaign";
                            packId: string;
                            domain: string;
                            enterpriseId: string;
                            enterpriseName: string;
                            area: string;
                            /**
                             * @description due while the round runs, overdue after its last day / 待查、逾期
                             * @enum {unknown}
                             */
                            status: "due" | "overdue";
                            startsOn: string;
                            endsOn: string;
                            /** @description the instant the round ends (the day after endsOn, 00:00 UTC+8) / 轮次截止时刻 */
                            endsAt: string;
                            daysLeft: number;
                            daysOverdue: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description simple, general, major (comma-separated) / 等级 */
                level?: string;
                /** @description statuses (comma-separated) / 状态 */
                status?: string;
                /** @description domain, e.g. gas / 领域 */
                domain?: string;
                /** @description area code; matches sub-areas / 区域（含下级） */
                area?: string;
                /** @description enterprise id / 企业 */
                enterprise?: string;
                /** @description true|false: level awaits confirmation / 疑似 */
                provisional?: "true" | "false";
                /** @description ISO instant (inclusive) / 起始时间 */
                createdFrom?: string;
                /** @description ISO instant (exclusive) / 截止时间 */
                createdTo?: string;
                /** @description day | month (UTC+8) / 按日或月分组 */
                groupBy?: "day" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description counts over the hazards the actor may read / 当前用户可见范围内的计数 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 1,
                     *       "byLevel": {
                     *         "simple": 0,
                     *         "general": 1,
                     *         "major": 0
                     *       },
                     *       "byStatus": {
                     *         "reported": 0,
                     *         "rectifying": 1,
                     *         "submitted": 0,
                     *         "verified": 0,
                     *         "escalated": 0,
                     *         "case_filed": 0,
                     *         "accepted": 0,
                     *         "closed": 0
                     *       },
                     *       "byDomain": {
                     *         "gas": 1
                     *       },
                     *       "closed": 0,
                     *       "closureRate": 0,
                     *       "overdue": 0,
                     *       "periods": [
                     *         {
                     *           "period": "2026-11",
                     *           "total": 1,
                     *           "closed": 0,
                     *           "closureRate": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        total: number;
                        byLevel: {
                            [key: string]: number;
                        };
                        byStatus: {
                            [key: string]: number;
                        };
                        byDomain: {
                            [key: string]: number;
                        };
                        closed: number;
                        closureRate: number;
                        overdue: number;
                        periods?: {
                            period: string;
                            total: number;
                            closed: number;
                            closureRate: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Rule violation or invalid data, with issues / 数据或规则错误 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem422"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getOutbox: {
        parameters: {
            query?: {
                /** @description dead letters listed, 1–500, default 100 / 列出的死信条数 */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description queue status and dead letters / 队列状态与死信 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": {
                     *         "pending": 2,
                     *         "retrying": 0,
                     *         "leased": 0,
                     *         "delivered": 0,
                     *         "dead": 0,
                     *         "oldestPendingAt": "2026-11-02T01:00:00.000Z",
                     *         "nextRetryAt": null
                     *       },
                     *       "deadLetters": []
                     *     }
                     */
                    "application/json": {
                        status: {
                            /** @description neither delivered nor dead, in flight or waiting / 待发送（含发送中、待重试） */
                            pending: number;
                            /** @description pending after at least one failed attempt / 重试中 */
                            retrying: number;
                            /** @description pending under a running lease / 发送中 */
                            leased: number;
                            /** @description acknowledged / 已送达 */
                            delivered: number;
                            /** @description dead letters / 死信 */
                            dead: number;
                            /** @description createdAt of the oldest pending message / 最早待发送消息的创建时间 */
                            oldestPendingAt: string | null;
                            /** @description earliest retry time of a message waiting for a retry / 最近的重试时间 */
                            nextRetryAt: string | null;
                        };
                        deadLetters: {
                            id: string;
                            hazardId: string;
                            eventId: string;
                            topic: string;
                            payload: Record<string, never>;
                            createdAt: string;
                            attempts: number;
                            lastError: string;
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the audit result; `ok: false` names the first bad position of each kind / 核验结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "checked": {
                     *         "events": 2,
                     *         "hazards": 1,
                     *         "projectionRows": 1,
                     *         "outboxMessages": 2,
                     *         "denials": 0,
                     *         "checkpoints": 0,
                     *         "signatures": false,
                     *         "documents": 0,
                     *         "documentTrail": 0
                     *       },
                     *       "head": "ec53ea454d58b02514a908f0d178e6595a0d9f4a0446537e4153575a209bc0c6",
                     *       "problems": [],
                     *       "documents": [],
                     *       "verifiedAt": "2026-11-02T01:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        ok: boolean;
                        checked: {
                            events: number;
                            hazards: number;
                            projectionRows: number;
                            outboxMessages: number;
                            denials: number;
                            checkpoints: number;
                            signatures: boolean;
                            /** @description issued documents of the register compared with the document trail / 已核对的已出具文书 */
                            documents: number;
                            /** @description entries of the document trail / 文书链条数 */
                            documentTrail: number;
                        };
                        head: string;
                        /** @description the first bad position of each kind / 每类问题的第一个出错位置 */
                        problems: {
                            /** @enum {unknown} */
                            kind: "log_order" | "event_hash" | "chain_link" | "checkpoint" | "projection" | "outbox" | "denials" | "document_trail" | "documents";
                            code: string;
                            position: {
                                seq?: number;
                                hazardId?: string;
                                version?: number;
                                checkpoint?: number;
                                toSeq?: number;
                                /** @description the document concerned (kinds document_trail, documents); `seq` is then a position in the document trail / 涉及的文书 */
                                document?: {
                                    jurisdiction: string;
                                    kind: string;
                                    year: number;
                                    seq: number;
                                };
                            };
                            /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                            message: {
                                "zh-CN": string;
                                en?: string;
                            };
                        }[];
                        /** @description every finding about an issued or voided document: problems (rewritten, deleted, unchained; a void undone, rewritten or unchained) and notices (ISSUED_BEFORE_CHAINING, VOIDED_BEFORE_CHAINING: issued or voided before the store chained them; `ok` stays true) / 每份已出具或作废文书的核验发现 */
                        documents: {
                            /** @enum {unknown} */
                            severity: "problem" | "notice";
                            /** @enum {unknown} */
                            code: "DOCUMENT_REWRITTEN" | "CONTENT_REWRITTEN" | "CONTENT_MISSING" | "DOCUMENT_MISSING" | "DOCUMENT_UNCHAINED" | "ISSUED_BEFORE_CHAINING" | "VOID_UNDONE" | "VOID_REWRITTEN" | "VOID_UNCHAINED" | "VOIDED_BEFORE_CHAINING";
                            document: {
                                jurisdiction: string;
                                kind: string;
                                year: number;
                                seq: number;
                                hazardId: string;
                                eventId: string;
                                verificationCode: string | null;
                            };
                            trailSeq?: number;
                            /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                            message: {
                                "zh-CN": string;
                                en?: string;
                            };
                        }[];
                        verifiedAt: string;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getHazardAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description id (audit) / 路径参数
                 * @example hz-6dc6c4b9b45c5aebb531c179
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the hazard's chain, list row and checkpoint coverage / 本隐患的核验状态 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "hazardId": "hz-6dc6c4b9b45c5aebb531c179",
                     *       "version": 2,
                     *       "verifiedAt": "2026-11-02T01:00:00.000Z",
                     *       "ok": true,
                     *       "chain": {
                     *         "ok": true
                     *       },
                     *       "projection": {
                     *         "ok": true
                     *       },
                     *       "checkpoint": null,
                     *       "documents": [],
                     *       "lastFullAudit": {
                     *         "verifiedAt": "2026-11-02T01:00:00.000Z",
                     *         "ok": true,
                     *         "problems": []
                     *       }
                     *     }
                     */
                    "application/json": {
                        hazardId: string;
                        version: number;
                        /** @description when this hazard's trail was checked (now) / 本隐患记录的核验时间 */
                        verifiedAt: string;
                        ok: boolean;
                        chain: {
                            ok: boolean;
                            reason?: string;
                            version?: number;
                        };
                        projection: {
                            ok: boolean;
                        };
                        /** @description the newest signed checkpoint and how many of this hazard’s events it covers / 最新检查点及其覆盖的本隐患事件数 */
                        checkpoint: {
                            seq: number;
                            createdAt: string;
                            size: number;
                            coversVersion: number;
                            signed: boolean;
                        } | null;
                        /** @description what the full audit finds about this hazard's issued and voided documents, checked now (problems make `ok` false; notices do not) / 本隐患文书（出具与作废）的核验发现 */
                        documents: {
                            /** @enum {unknown} */
                            severity: "problem" | "notice";
                            /** @enum {unknown} */
                            code: "DOCUMENT_REWRITTEN" | "CONTENT_REWRITTEN" | "CONTENT_MISSING" | "DOCUMENT_MISSING" | "DOCUMENT_UNCHAINED" | "ISSUED_BEFORE_CHAINING" | "VOID_UNDONE" | "VOID_REWRITTEN" | "VOID_UNCHAINED" | "VOIDED_BEFORE_CHAINING";
                            document: {
                                jurisdiction: string;
                                kind: string;
                                year: number;
                                seq: number;
                                hazardId: string;
                                eventId: string;
                                verificationCode: string | null;
                            };
                            trailSeq?: number;
                            /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                            message: {
                                "zh-CN": string;
                                en?: string;
                            };
                        }[];
                        /** @description the last GET /audit/verify on this server, and its problems at this hazard / 本服务最近一次全量核验 */
                        lastFullAudit: {
                            verifiedAt: string;
                            ok: boolean;
                            problems: {
                                /** @enum {unknown} */
                                kind: "log_order" | "event_hash" | "chain_link" | "checkpoint" | "projection" | "outbox" | "denials" | "document_trail" | "documents";
                                code: string;
                                position: {
                                    seq?: number;
                                    hazardId?: string;
                                    version?: number;
                                    checkpoint?: number;
                                    toSeq?: number;
                                    /** @description the document concerned (kinds document_trail, documents); `seq` is then a position in the document trail / 涉及的文书 */
                                    document?: {
                                        jurisdiction: string;
                                        kind: string;
                                        year: number;
                                        seq: number;
                                    };
                                };
                                /** @description text in Chinese (zh-CN, always) and English (en) / 中英文文本 */
                                message: {
                                    "zh-CN": string;
                                    en?: string;
                                };
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Not authenticated / 未认证 */
            401: {
                headers: {
                    /**
                     * @description Challenge of the authentication scheme the host uses (RFC 9110 §11.6.1) / 认证质询
                     * @example Bearer realm="anjian"
                     */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem401"];
                };
            };
            /** @description Forbidden by the permission table or unknown actor / 无权操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem403"];
                };
            };
            /** @description Not found / 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem404"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "anjian HTTP API / 安检 HTTP 接口",
                     *         "version": "0.1.0"
                     *       },
                     *       "paths": {},
                     *       "components": {}
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        openapi: "3.1.0";
                        info: {
                            title: string;
                            version: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Path Item Objects by path / 路径 */
                        paths: {
                            [key: string]: Record<string, never>;
                        };
                        /** @description schemas and security schemes / 组件 */
                        components: {
                            [key: string]: Record<string, never>;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request: malformed body, parameter or header / 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem400"];
                };
            };
            /** @description Server error: the handler, a port it calls (a store that is down) or authenticate threw; logged with the error and handed to onError, the body names only the request id (instance: urn:uuid:…) / 服务器内部错误（响应只给出请求编号） */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem500"];
                };
            };
        };
    };
}
