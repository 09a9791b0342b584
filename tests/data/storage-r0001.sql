-- A drafts database made by the first schema (Alembic revision 0001): the odd_draft() of
-- tests/unit/storage_helpers.py and one manual revision. Generated once with sqlite3's iterdump; keep as is.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001');
CREATE TABLE attachments (
	id INTEGER NOT NULL, 
	draft_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR, 
	name VARCHAR, 
	sha256 VARCHAR, 
	size INTEGER, 
	path VARCHAR, 
	lines VARCHAR NOT NULL, 
	CONSTRAINT pk_attachments PRIMARY KEY (id), 
	CONSTRAINT fk_attachments_draft_id_drafts FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);
INSERT INTO "attachments" VALUES(1,1,0,'invoice','发票.pdf','aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',12,NULL,'[0, 2]');
CREATE TABLE drafts (
	id INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	program VARCHAR NOT NULL, 
	title VARCHAR, 
	applicant_name VARCHAR, 
	applicant_credit_code VARCHAR, 
	applicant_city VARCHAR, 
	applicant_address VARCHAR, 
	applicant_legal_representative VARCHAR, 
	applicant_contact_name VARCHAR, 
	applicant_contact_phone VARCHAR, 
	applicant_contact_email VARCHAR, 
	applicant_center_level VARCHAR, 
	applicant_center_name VARCHAR, 
	applicant_center_approved_on VARCHAR, 
	project_title VARCHAR, 
	project_category VARCHAR, 
	project_summary VARCHAR, 
	project_start_date VARCHAR, 
	project_end_date VARCHAR, 
	project_requested_subsidy_fen INTEGER, 
	project_requested_subsidy_text VARCHAR, 
	line_count INTEGER NOT NULL, 
	pack_id VARCHAR, 
	pack_version VARCHAR, 
	status VARCHAR NOT NULL, 
	errors INTEGER, 
	warnings INTEGER, 
	max_subsidy_fen INTEGER, 
	requested_fen INTEGER, 
	CONSTRAINT pk_drafts PRIMARY KEY (id)
);
INSERT INTO "drafts" VALUES(1,1,'2026-11-25 13:17:28.067420','2026-11-25 13:17:28.067420',NULL,'gd-ai-robotics-2025','2026 年度研发设备补助申报（演示）','广州示例智能制造创新中心有限公司','91440101MA5CQ7RT45','guangzhou','广州市黄埔区科学大道 188 号创新大厦 12 层','陈建华','林晓雯','020-8888 6612','linxw@example-imc.cn','national','国家智能机器人制造业创新中心','2025-06-30','智能机器人关键零部件研发与验证平台建设','innovation_center','围绕协作机器人、力控机械臂与核心零部件，建设覆盖设计仿真、性能测试、可靠性验证的研发平台，购置研发仪器设备及配套软件，支撑减速器、伺服系统与机器视觉等关键技术攻关。','2025-09-01','2027-06-30',100000000,'1000000',16,NULL,NULL,'unchecked',NULL,NULL,NULL,NULL);
CREATE TABLE equipment_lines (
	id INTEGER NOT NULL, 
	draft_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR, 
	model VARCHAR, 
	supplier VARCHAR, 
	kind VARCHAR, 
	use VARCHAR, 
	condition VARCHAR, 
	quantity INTEGER, 
	unit_price_fen INTEGER, 
	unit_price_text VARCHAR, 
	currency VARCHAR, 
	exchange_rate VARCHAR, 
	purchase_date VARCHAR, 
	invoice_number VARCHAR, 
	CONSTRAINT pk_equipment_lines PRIMARY KEY (id), 
	CONSTRAINT fk_equipment_lines_draft_id_drafts FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);
INSERT INTO "equipment_lines" VALUES(1,1,0,'六轴协作机器人研发平台','CR-16 Pro','广州数控设备有限公司','hardware','rd','new',2,101,'1.005','CNY',NULL,'2025-10-15','25442000000012345678');
INSERT INTO "equipment_lines" VALUES(2,1,1,'七轴力控机械臂','iiwa LBR 14 R820','库卡机器人（广东）有限公司','hardware','rd','new',1,0,'-0.00','CNY',NULL,'2025-11-03','25442000000012345679');
INSERT INTO "equipment_lines" VALUES(3,1,2,'伺服电机综合性能测试台','SMT-3000','深圳市精测科技有限公司','hardware','rd','new',1,NULL,'123456789012345678901234.50','CNY',NULL,'2025-11-20','25442000000012345680');
INSERT INTO "equipment_lines" VALUES(4,1,3,'谐波减速器寿命试验台','HD-LT200','东莞市恒力检测设备有限公司','hardware','rd','new',2,31200000,NULL,'CNY','7.123456789','2025-12-08','25442000000012345681');
INSERT INTO "equipment_lines" VALUES(5,1,4,'三维激光扫描测量系统','FARO Quantum Max','法如（广州）测量技术有限公司','hardware','rd','new',1,72500000,NULL,'CNY',NULL,'2026-01-12','25442000000012345682');
INSERT INTO "equipment_lines" VALUES(6,1,5,'机器人动力学仿真软件（网络版）','RoboSim Enterprise 2025','华南工业软件有限公司','software','rd','new',5,8600000,NULL,'CNY',NULL,'2026-01-20','25442000000012345683');
INSERT INTO "equipment_lines" VALUES(7,1,6,'多物理场仿真软件','COMSOL Multiphysics 6.3','中仿科技（广州）有限公司','software','rd','new',2,19800000,NULL,'CNY',NULL,'2026-02-14','25442000000012345684');
INSERT INTO "equipment_lines" VALUES(8,1,7,'高精度运动捕捉系统','Vicon Vero v2.2 ×16','Vicon Motion Systems Ltd','hardware','rd','new',1,15200000,NULL,'USD','7.1268','2026-03-05','25442000000012345685');
INSERT INTO "equipment_lines" VALUES(9,1,8,'视觉传感器标定平台','VC-CAL 500','佛山市视准光电有限公司','hardware','rd','new',3,5680000,NULL,'CNY',NULL,'2026-03-18','25442000000012345686');
INSERT INTO "equipment_lines" VALUES(10,1,9,'GPU 计算服务器（8 卡）','G8-H200','广东智算科技有限公司','hardware','rd','new',2,168000000,NULL,'CNY',NULL,'2026-04-09','25442000000012345687');
INSERT INTO "equipment_lines" VALUES(11,1,10,'环境可靠性试验箱','THS-1000','广州五所环境仪器有限公司','hardware','rd','new',1,23800000,NULL,'CNY',NULL,'2026-05-21','25442000000012345688');
INSERT INTO "equipment_lines" VALUES(12,1,11,'示波器及功率分析仪套装','MSO58 + PA3000','泰克科技（中国）有限公司','hardware','rd','new',2,14560000,NULL,'CNY',NULL,'2026-06-10','25442000000012345689');
INSERT INTO "equipment_lines" VALUES(13,1,12,'嵌入式开发调试套件','J-Trace PRO','深圳市研创电子有限公司','hardware','rd','new',10,980000,NULL,'CNY',NULL,'2026-06-30','25442000000012345690');
INSERT INTO "equipment_lines" VALUES(14,1,13,'二手五轴加工中心','DMU 50 (2019)','东莞市旧机设备回收有限公司','hardware','rd','used',1,86000000,NULL,'CNY',NULL,'2026-07-15','25442000000012345691');
INSERT INTO "equipment_lines" VALUES(15,1,14,'产线装配机器人','SR-210','广州数控设备有限公司','hardware','production','new',4,26500000,NULL,'CNY',NULL,'2026-08-02','25442000000012345692');
INSERT INTO "equipment_lines" VALUES(16,1,15,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE revisions (
	id INTEGER NOT NULL, 
	draft_id INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	reason VARCHAR NOT NULL, 
	label VARCHAR, 
	version INTEGER NOT NULL, 
	snapshot VARCHAR NOT NULL, 
	CONSTRAINT pk_revisions PRIMARY KEY (id), 
	CONSTRAINT fk_revisions_draft_id_drafts FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);
INSERT INTO "revisions" VALUES(1,1,'2026-11-25 13:17:28.074931','manual','fixture',1,'{
  "format": "grant-draft/1",
  "program": "gd-ai-robotics-2025",
  "title": "2026 年度研发设备补助申报（演示）",
  "applicant": {
    "name": "广州示例智能制造创新中心有限公司",
    "credit_code": "91440101MA5CQ7RT45",
    "city": "guangzhou",
    "address": "广州市黄埔区科学大道 188 号创新大厦 12 层",
    "legal_representative": "陈建华",
    "contact": {
      "name": "林晓雯",
      "phone": "020-8888 6612",
      "email": "linxw@example-imc.cn"
    },
    "center_level": "national",
    "center_name": "国家智能机器人制造业创新中心",
    "center_approved_on": "2025-06-30"
  },
  "project": {
    "title": "智能机器人关键零部件研发与验证平台建设",
    "category": "innovation_center",
    "summary": "围绕协作机器人、力控机械臂与核心零部件，建设覆盖设计仿真、性能测试、可靠性验证的研发平台，购置研发仪器设备及配套软件，支撑减速器、伺服系统与机器视觉等关键技术攻关。",
    "start_date": "2025-09-01",
    "end_date": "2027-06-30",
    "requested_subsidy": "1000000"
  },
  "equipment": [
    {
      "name": "六轴协作机器人研发平台",
      "model": "CR-16 Pro",
      "supplier": "广州数控设备有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 2,
      "unit_price": "1.005",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2025-10-15",
      "invoice_number": "25442000000012345678"
    },
    {
      "name": "七轴力控机械臂",
      "model": "iiwa LBR 14 R820",
      "supplier": "库卡机器人（广东）有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 1,
      "unit_price": "-0.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2025-11-03",
      "invoice_number": "25442000000012345679"
    },
    {
      "name": "伺服电机综合性能测试台",
      "model": "SMT-3000",
      "supplier": "深圳市精测科技有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 1,
      "unit_price": "123456789012345678901234.50",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2025-11-20",
      "invoice_number": "25442000000012345680"
    },
    {
      "name": "谐波减速器寿命试验台",
      "model": "HD-LT200",
      "supplier": "东莞市恒力检测设备有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 2,
      "unit_price": "312000.00",
      "currency": "CNY",
      "exchange_rate": "7.123456789",
      "purchase_date": "2025-12-08",
      "invoice_number": "25442000000012345681"
    },
    {
      "name": "三维激光扫描测量系统",
      "model": "FARO Quantum Max",
      "supplier": "法如（广州）测量技术有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 1,
      "unit_price": "725000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-01-12",
      "invoice_number": "25442000000012345682"
    },
    {
      "name": "机器人动力学仿真软件（网络版）",
      "model": "RoboSim Enterprise 2025",
      "supplier": "华南工业软件有限公司",
      "kind": "software",
      "use": "rd",
      "condition": "new",
      "quantity": 5,
      "unit_price": "86000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-01-20",
      "invoice_number": "25442000000012345683"
    },
    {
      "name": "多物理场仿真软件",
      "model": "COMSOL Multiphysics 6.3",
      "supplier": "中仿科技（广州）有限公司",
      "kind": "software",
      "use": "rd",
      "condition": "new",
      "quantity": 2,
      "unit_price": "198000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-02-14",
      "invoice_number": "25442000000012345684"
    },
    {
      "name": "高精度运动捕捉系统",
      "model": "Vicon Vero v2.2 ×16",
      "supplier": "Vicon Motion Systems Ltd",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 1,
      "unit_price": "152000.00",
      "currency": "USD",
      "exchange_rate": "7.1268",
      "purchase_date": "2026-03-05",
      "invoice_number": "25442000000012345685"
    },
    {
      "name": "视觉传感器标定平台",
      "model": "VC-CAL 500",
      "supplier": "佛山市视准光电有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 3,
      "unit_price": "56800.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-03-18",
      "invoice_number": "25442000000012345686"
    },
    {
      "name": "GPU 计算服务器（8 卡）",
      "model": "G8-H200",
      "supplier": "广东智算科技有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 2,
      "unit_price": "1680000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-04-09",
      "invoice_number": "25442000000012345687"
    },
    {
      "name": "环境可靠性试验箱",
      "model": "THS-1000",
      "supplier": "广州五所环境仪器有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 1,
      "unit_price": "238000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-05-21",
      "invoice_number": "25442000000012345688"
    },
    {
      "name": "示波器及功率分析仪套装",
      "model": "MSO58 + PA3000",
      "supplier": "泰克科技（中国）有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 2,
      "unit_price": "145600.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-06-10",
      "invoice_number": "25442000000012345689"
    },
    {
      "name": "嵌入式开发调试套件",
      "model": "J-Trace PRO",
      "supplier": "深圳市研创电子有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "new",
      "quantity": 10,
      "unit_price": "9800.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-06-30",
      "invoice_number": "25442000000012345690"
    },
    {
      "name": "二手五轴加工中心",
      "model": "DMU 50 (2019)",
      "supplier": "东莞市旧机设备回收有限公司",
      "kind": "hardware",
      "use": "rd",
      "condition": "used",
      "quantity": 1,
      "unit_price": "860000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-07-15",
      "invoice_number": "25442000000012345691"
    },
    {
      "name": "产线装配机器人",
      "model": "SR-210",
      "supplier": "广州数控设备有限公司",
      "kind": "hardware",
      "use": "production",
      "condition": "new",
      "quantity": 4,
      "unit_price": "265000.00",
      "currency": "CNY",
      "exchange_rate": null,
      "purchase_date": "2026-08-02",
      "invoice_number": "25442000000012345692"
    },
    {
      "name": null,
      "model": null,
      "supplier": null,
      "kind": null,
      "use": null,
      "condition": null,
      "quantity": null,
      "unit_price": null,
      "currency": null,
      "exchange_rate": null,
      "purchase_date": null,
      "invoice_number": null
    }
  ],
  "attachments": [
    {
      "kind": "invoice",
      "name": "发票.pdf",
      "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "size": 12,
      "path": null,
      "lines": [
        0,
        2
      ]
    }
  ]
}
');
CREATE INDEX ix_attachments_draft_position ON attachments (draft_id, position);
CREATE INDEX ix_equipment_lines_draft_position ON equipment_lines (draft_id, position);
CREATE INDEX ix_revisions_draft_id ON revisions (draft_id);
COMMIT;
